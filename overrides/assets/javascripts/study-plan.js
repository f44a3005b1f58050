/*
 * A plan from the interview date (the plan page only; hooks/study_tools.py), after study-core.js.
 * The reader picks a role, the interview date and hours per week; the page lays the site's own
 * pages and answers for that role over the days left, highest priority first (priority = the
 * role's weight of the item's interview stages, from assets/study/bank.<language>.json):
 * - days: from the day the plan is made up to the day before the interview; with two days or
 *   more, the last one is kept for rest and light review;
 * - each study day gets items in priority order while they fit its budget (hours per week × 60 / 7
 *   minutes), and always at least one; what does not fit is listed apart;
 * - items ticked before the plan was (re)made are left out; changing the role, the date or the
 *   hours makes the plan again from today. Past days with unticked items are behind schedule.
 */
;(() => {
  const { russian, load, update, element, root, languageRoot } = window.aigStudy
  const box = document.querySelector(".study-plan")
  if (!box) return
  const TEXT = russian
    ? {
        role: "Роль", date: "Дата собеседования", hours: "Часов в неделю", print: "Распечатать план",
        week: "Неделя {n}", rest: "Отдых и лёгкое повторение: без нового материала.", min: "{n}\u00a0мин",
        today: "сегодня", behindDay: "отстаёте", priority: { 3: "высокий приоритет", 2: "средний приоритет", 1: "низкий приоритет" },
        summary: "Дней до собеседования: {days}; пунктов в плане: {items} ({hours}\u00a0ч); сделано {done} из {items}.",
        behind: "Отставание: не сделано пунктов с прошедших дней — {n} ({minutes}\u00a0мин).", onTrack: "Вы идёте по плану.",
        overflow: "Не поместились ({n}): добавьте часов в неделю или начните с самого важного.",
        early: "Выберите дату собеседования не раньше завтрашнего дня.", doneBefore: "Уже сделано до этого плана: {n}.",
        difficulty: { easy: "лёгкий вопрос", medium: "вопрос средней сложности", hard: "сложный вопрос" }, choose: "Выберите роль, дату и часы — план появится здесь.",
      }
    : {
        role: "Role", date: "Interview date", hours: "Hours per week", print: "Print the plan",
        week: "Week {n}", rest: "Rest and light review: nothing new.", min: "{n} min",
        today: "today", behindDay: "behind", priority: { 3: "high priority", 2: "medium priority", 1: "low priority" },
        summary: "{days} days to the interview, {items} items in {hours} h; {done} of {items} done.",
        behind: "Behind schedule: {n} items from past days ({minutes} min).", onTrack: "You are on schedule.",
        overflow: "Did not fit ({n}): add hours per week, or start with what matters most.",
        early: "Choose an interview date from tomorrow on.", doneBefore: "Done before this plan: {n}.",
        difficulty: { easy: "easy question", medium: "medium question", hard: "hard question" }, choose: "Choose a role, a date and your hours: the plan appears here.",
      }
  const say = (text, values = {}) => text.replace(/\{(\w+)\}/g, (_, name) => values[name])
  const pad = n => String(n).padStart(2, "0")
  const iso = date => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  const local = text => { const [y, m, d] = text.split("-").map(Number); return new Date(y, m - 1, d) }
  const daysBetween = (from, to) => Math.round((local(to) - local(from)) / 864e5)
  const addDays = (text, n) => { const date = local(text); date.setDate(date.getDate() + n); return iso(date) }
  const number = new Intl.NumberFormat(russian ? "ru" : "en-GB", { maximumFractionDigits: 1 })
  const dayName = new Intl.DateTimeFormat(russian ? "ru" : "en-GB", { weekday: "short", day: "numeric", month: "short" })

  /* ---------------------------------------------------------------- the plan, a pure function */

  function layout(bank, plan) {
    const weights = bank.weights[plan.role]
    const priority = item => Math.max(...item.stages.map(stage => weights[stage] || 1))
    const doneBefore = item => plan.done?.[item.id]?.done && plan.done[item.id].at < plan.at
    const all = bank.items.filter(item => item.roles.includes(plan.role))
      .map((item, index) => ({ ...item, priority: priority(item), index }))
      .sort((a, b) => b.priority - a.priority || a.index - b.index)
    const queue = all.filter(item => !doneBefore(item))
    const days = daysBetween(plan.start, plan.date)
    const studyDays = days >= 2 ? days - 1 : days
    const budget = Math.round((plan.hours * 60) / 7)
    const schedule = []
    let next = 0
    for (let day = 0; day < studyDays; day++) {
      const items = []
      let used = 0
      while (next < queue.length && (!items.length || used + queue[next].minutes <= budget)) {
        used += queue[next].minutes
        items.push(queue[next++])
      }
      schedule.push({ date: addDays(plan.start, day), items, minutes: used })
    }
    if (days >= 2) schedule.push({ date: addDays(plan.start, days - 1), items: [], rest: true, minutes: 0 })
    return { days, budget, schedule, overflow: queue.slice(next), doneBefore: all.length - queue.length }
  }

  /* ---------------------------------------------------------------- the page */

  let bank = null
  const form = element("div", { class: "study-plan__form" })
  const output = element("div", { class: "study-plan__output" })
  const field = (id, label, control) => element("p", {}, element("label", { for: id }, label), " ", control)
  const role = element("select", { id: "plan-role", onchange: remake })
  const date = element("input", { type: "date", id: "plan-date", onchange: remake })
  const hours = element("input", { type: "number", id: "plan-hours", min: 1, max: 100, step: 1, value: 10, inputmode: "numeric", onchange: remake })

  function remake() {
    const today = iso(new Date())
    date.min = addDays(today, 1)
    if (!date.value || !(Number(hours.value) > 0)) return render()
    update(data => {
      data.plan = { role: role.value, date: date.value, hours: Math.min(100, Number(hours.value)), start: today, at: Date.now(), done: data.plan?.done || {} }
    })
    render()
  }

  function tick(item, checked, id) {
    update(data => { data.plan.done[item.id] = { done: checked, at: Date.now() } })
    render()
    document.getElementById(id)?.focus()  // the list was drawn again: keep the keyboard where it was
  }

  function itemRow(item, done, n) {
    const id = `plan-item-${n}`
    const meta = [say(TEXT.min, { n: item.minutes }), item.difficulty && TEXT.difficulty[item.difficulty], TEXT.priority[item.priority]]
    return element("li", { class: `study-plan__item study-plan__item--p${item.priority}` },
      element("input", { type: "checkbox", id, checked: done, onchange: event => tick(item, event.target.checked, id) }), " ",
      element("label", { for: id }, element("a", { href: languageRoot + item.path }, item.title)), " ",
      element("span", { class: "study-plan__meta" }, meta.filter(Boolean).join(" · ")))
  }

  function render() {
    const plan = load().plan
    if (!bank || !plan) return output.replaceChildren(element("p", {}, TEXT.choose))
    const today = iso(new Date())
    if (daysBetween(plan.start, plan.date) < 1) return output.replaceChildren(element("p", { role: "alert" }, TEXT.early))
    const result = layout(bank, plan)
    const isDone = item => Boolean(plan.done?.[item.id]?.done)
    const planned = result.schedule.flatMap(day => day.items)
    const behind = result.schedule.filter(day => day.date < today).flatMap(day => day.items).filter(item => !isDone(item))
    let n = 0
    const weeks = []
    result.schedule.forEach((day, index) => {
      if (index % 7 === 0) weeks.push(element("section", { class: "study-plan__week" },
        element("h3", {}, say(TEXT.week, { n: index / 7 + 1 }) + ` · ${dayName.format(local(day.date))} – ${dayName.format(local(result.schedule[Math.min(index + 6, result.schedule.length - 1)].date))}`)))
      const late = day.date < today && day.items.some(item => !isDone(item))
      weeks.at(-1).append(element("div", { class: `study-plan__day${day.date === today ? " study-plan__day--today" : ""}${late ? " study-plan__day--behind" : ""}`, "data-date": day.date },
        element("h4", {}, dayName.format(local(day.date)), day.date === today ? ` · ${TEXT.today}` : "", late ? ` · ${TEXT.behindDay}` : "",
          day.minutes ? element("span", { class: "study-plan__meta" }, ` · ${say(TEXT.min, { n: day.minutes })}`) : ""),
        day.rest ? element("p", {}, TEXT.rest) : element("ul", { class: "study-plan__items" }, day.items.map(item => itemRow(item, isDone(item), n++)))))
    })
    const done = planned.filter(isDone).length
    output.replaceChildren(
      element("p", { class: "study-plan__summary", role: "status" },
        say(TEXT.summary, { days: result.days, items: planned.length, hours: number.format(planned.reduce((sum, item) => sum + item.minutes, 0) / 60), done }), " ",
        behind.length ? element("strong", { class: "study-plan__behind" }, say(TEXT.behind, { n: behind.length, minutes: behind.reduce((sum, item) => sum + item.minutes, 0) }))
          : TEXT.onTrack,
        result.doneBefore ? " " + say(TEXT.doneBefore, { n: result.doneBefore }) : ""),
      ...weeks,
      result.overflow.length ? element("details", { class: "study-plan__overflow" },
        element("summary", {}, say(TEXT.overflow, { n: result.overflow.length })),
        element("ul", {}, result.overflow.map(item => element("li", {}, element("a", { href: languageRoot + item.path }, item.title), " ",
          element("span", { class: "study-plan__meta" }, `${say(TEXT.min, { n: item.minutes })} · ${TEXT.priority[item.priority]}`))))) : "")
  }

  fetch(`${root}assets/study/bank.${russian ? "ru" : "en"}.json`)
    .then(response => response.json())
    .then(data => {
      bank = data
      role.append(...Object.entries(bank.roles).map(([id, name]) => element("option", { value: id }, name)))
      const plan = load().plan
      if (plan) {
        role.value = plan.role
        date.value = plan.date
        hours.value = plan.hours
      }
      date.min = addDays(iso(new Date()), 1)
      form.append(field("plan-role", TEXT.role, role), field("plan-date", TEXT.date, date), field("plan-hours", TEXT.hours, hours),
        element("p", {}, element("button", { type: "button", class: "md-button", onclick: () => print() }, TEXT.print)))
      box.replaceChildren(form, output)
      render()
    })
})()
