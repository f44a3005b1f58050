/*
 * Progress you can take with you (the self-quiz page only; hooks/study_tools.py), after study-core.js:
 * export every mark, tick, read page and the plan to a JSON file; import such a file on another
 * device or after a cache clear, merged with what this browser has (the newer of two entries
 * wins) and a report of what changed; separate resets for the quiz and for the checklists.
 * The file format is versioned; its JSON Schema is served at assets/study/progress.schema.json.
 * A bad or foreign file changes nothing and the report says why.
 */
;(() => {
  const { russian, load, save, update, element, root } = window.aigStudy
  const box = document.querySelector(".study-transfer")
  if (!box) return
  const FORMAT = "ai-lab-interview-guide/progress"
  const VERSION = 2
  const GRADES = ["knew", "hard", "missed", "review"]
  const TEXT = russian
    ? {
        export: "Сохранить прогресс в файл", import: "Загрузить прогресс из файла",
        resetQuiz: "Сбросить прогресс самопроверки", resetTicks: "Снять отметки во всех чек-листах",
        confirmQuiz: "Удалить все отметки самопроверки и даты повторений? Чек-листы останутся.",
        confirmTicks: "Снять отметки во всех чек-листах сайта, включая ваш план? Отметки самопроверки останутся.",
        report: "Что изменилось после загрузки", rejected: "Файл не загружен, ничего не изменилось",
        marks: "Отметки самопроверки", ticks: "Чек-листы (страниц)", read: "Прочитанные страницы", plan: "План",
        added: "добавлено: {n}", updated: "обновлено из файла: {n}", kept: "оставлено как было (в браузере новее): {n}",
        planFile: "взят из файла", planKept: "оставлен прежний", nothing: "Ничего не изменилось: в браузере уже всё это было.",
        notJson: "это не JSON-файл ({error}).", foreign: "это не файл прогресса этого сайта (нет поля «format»: «{format}»).",
        newer: "файл сделан более новой версией сайта (формат {version}); эта страница читает формат {expected}.",
        bad: "неверное значение в поле {path}.", big: "файл слишком большой (больше 2 МБ).",
        cleared: "Готово: {what}.", clearedQuiz: "отметки самопроверки удалены", clearedTicks: "отметки в чек-листах сняты",
      }
    : {
        export: "Export progress to a file", import: "Import progress from a file",
        resetQuiz: "Reset quiz progress", resetTicks: "Clear all checklist ticks",
        confirmQuiz: "Delete all your self-quiz marks and review dates? Your checklists are kept.",
        confirmTicks: "Clear the ticks of every checklist on the site, your plan included? Your quiz marks are kept.",
        report: "What the import changed", rejected: "File not imported; nothing changed",
        marks: "Quiz marks", ticks: "Checklists (pages)", read: "Pages read", plan: "Plan",
        added: "{n} added", updated: "{n} updated from the file", kept: "{n} kept (this browser's were newer)",
        planFile: "taken from the file", planKept: "this browser's kept", nothing: "Nothing changed: this browser already had all of it.",
        notJson: "it is not a JSON file ({error}).", foreign: "it is not a progress file of this site (no \"format\": \"{format}\").",
        newer: "it was made by a newer version of this site (format {version}); this page reads format {expected}.",
        bad: "the value at {path} is not valid.", big: "the file is too large (over 2 MB).",
        cleared: "Done: {what}.", clearedQuiz: "quiz marks deleted", clearedTicks: "checklist ticks cleared",
      }
  const say = (text, values = {}) => text.replace(/\{(\w+)\}/g, (_, name) => values[name])
  const button = (label, onclick) => element("button", { type: "button", class: "md-button", onclick }, label)
  const report = element("div", { class: "study-report", role: "status", tabindex: "-1" })

  /* ---------------------------------------------------------------- validation (mirrors the schema) */

  class Invalid extends Error {}
  const isObject = value => value !== null && typeof value === "object" && !Array.isArray(value)
  const time = value => Number.isFinite(value) && value >= 0
  function check(ok, path) { if (!ok) throw new Invalid(say(TEXT.bad, { path })) }
  function checkEntries(value, path, key, entry) {
    check(isObject(value), path)
    for (const [name, item] of Object.entries(value)) {
      check(key.test(name), `${path} → "${name}"`)
      entry(item, `${path} → "${name}"`)
    }
  }
  const PAGE = /^[a-z0-9][a-z0-9/_.-]*$|^$/

  function validate(file) {
    if (!isObject(file) || file.format !== FORMAT) throw new Invalid(say(TEXT.foreign, { format: FORMAT }))
    if (file.version !== VERSION)
      throw new Invalid(Number.isInteger(file.version) && file.version > VERSION
        ? say(TEXT.newer, { version: file.version, expected: VERSION }) : say(TEXT.bad, { path: "version" }))
    for (const name of Object.keys(file))
      check(["$schema", "format", "version", "exported", "marks", "ticks", "read", "last", "plan"].includes(name), name)
    checkEntries(file.marks ?? {}, "marks", /^q-[a-z0-9-]+$/, (mark, path) => {
      check(isObject(mark) && GRADES.includes(mark.grade) && time(mark.at), path)
      if (mark.fsrs === undefined) return
      const s = mark.fsrs
      check(isObject(s) && ["due", "last", "e", "i", "reps", "lapses"].every(key => time(s[key]))
        && s.s > 0 && s.d >= 1 && s.d <= 10 && [0, 1, 2, 3].includes(s.state), `${path} → fsrs`)
    })
    checkEntries(file.ticks ?? {}, "ticks", PAGE, (entry, path) =>
      check(isObject(entry) && time(entry.at) && Array.isArray(entry.ticks) && entry.ticks.every(tick => typeof tick === "boolean"), path))
    checkEntries(file.read ?? {}, "read", PAGE, (at, path) => check(time(at), path))
    if (file.last != null) check(isObject(file.last) && PAGE.test(file.last.page) && time(file.last.at), "last")
    if (file.plan != null) {
      const plan = file.plan
      check(isObject(plan) && ["rs", "re", "swe", "applied"].includes(plan.role) && /^\d{4}-\d\d-\d\d$/.test(plan.date)
        && /^\d{4}-\d\d-\d\d$/.test(plan.start) && plan.hours > 0 && plan.hours <= 100 && time(plan.at), "plan")
      checkEntries(plan.done ?? {}, "plan → done", /^[a-z0-9:/_.-]+$/, (entry, path) =>
        check(isObject(entry) && typeof entry.done === "boolean" && time(entry.at), path))
    }
    return file
  }

  /* ---------------------------------------------------------------- merge: the newer entry wins */

  function merge(data, file) {
    const counts = {}
    const part = (name, local, incoming, at) => {
      const count = counts[name] = { added: 0, updated: 0, kept: 0 }
      for (const [key, entry] of Object.entries(incoming || {})) {
        if (!(key in local)) { local[key] = entry; count.added++ }
        else if (at(entry) > at(local[key])) { local[key] = entry; count.updated++ }
        else if (JSON.stringify(entry) !== JSON.stringify(local[key])) count.kept++
      }
    }
    part("marks", data.marks, file.marks, mark => mark.at)
    part("ticks", data.ticks, file.ticks, entry => entry.at)
    part("read", data.read, file.read, at => at)
    if (file.last && (!data.last || file.last.at > data.last.at)) data.last = file.last
    counts.plan = null
    if (file.plan) {
      const local = data.plan
      const newer = !local || file.plan.at > local.at
      const done = { ...(local?.done || {}) }
      for (const [id, entry] of Object.entries(file.plan.done || {}))
        if (!done[id] || entry.at > done[id].at) done[id] = entry
      data.plan = { ...(newer ? file.plan : local), done }
      counts.plan = newer
    }
    return counts
  }

  function show(title, lines, rejected = false) {
    report.className = `study-report${rejected ? " study-report--error" : ""}`
    report.replaceChildren(element("p", {}, element("strong", {}, title)), element("ul", {}, lines.map(line => element("li", {}, line))))
    report.focus()
  }

  async function importFile(input) {
    const [file] = input.files
    input.value = ""
    if (!file) return
    let parsed
    try {
      if (file.size > 2 * 1024 * 1024) throw new Invalid(TEXT.big)
      const text = await file.text()
      try { parsed = JSON.parse(text) } catch (error) { throw new Invalid(say(TEXT.notJson, { error: error.message })) }
      validate(parsed)
    } catch (error) {
      if (!(error instanceof Invalid)) throw error
      show(`${TEXT.rejected}: ${file.name}`, [error.message], true)
      return
    }
    const data = load()
    const counts = merge(data, parsed)
    save(data)
    const lines = ["marks", "ticks", "read"].filter(name => Object.values(counts[name]).some(Boolean)).map(name =>
      `${TEXT[name]}: ${["added", "updated", "kept"].filter(kind => counts[name][kind]).map(kind => say(TEXT[kind], { n: counts[name][kind] })).join(", ")}.`)
    if (counts.plan !== null) lines.push(`${TEXT.plan}: ${counts.plan ? TEXT.planFile : TEXT.planKept}.`)
    show(`${TEXT.report}: ${file.name}`, lines.length ? lines : [TEXT.nothing])
    window.dispatchEvent(new Event("aig-study-changed"))
  }

  function exportFile() {
    const data = load()
    const file = { $schema: `${root}assets/study/progress.schema.json`, format: FORMAT, version: VERSION, exported: new Date().toISOString() }
    for (const name of ["marks", "ticks", "read", "last", "plan"]) file[name] = data[name] ?? null
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }))
    const link = element("a", { href: url, download: `ai-lab-interview-guide-progress-${file.exported.slice(0, 10)}.json`, hidden: true })
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  function reset(message, change, what) {
    if (!confirm(message)) return
    update(change)
    show(say(TEXT.cleared, { what }), [])
    window.dispatchEvent(new Event("aig-study-changed"))
  }

  const input = element("input", { type: "file", id: "study-import", accept: ".json,application/json", class: "study-import__input",
    onchange: event => importFile(event.target) })
  box.replaceChildren(  // in place of the note for readers without JavaScript
    element("p", { class: "study-transfer__actions" },
      button(TEXT.export, exportFile), " ",
      input, element("label", { for: "study-import", class: "md-button study-import" }, TEXT.import)),
    report,
    element("p", { class: "study-reset" },
      button(TEXT.resetQuiz, () => reset(TEXT.confirmQuiz, data => { data.marks = {} }, TEXT.clearedQuiz)), " ",
      button(TEXT.resetTicks, () => reset(TEXT.confirmTicks, data => {
        data.ticks = {}
        if (data.plan) data.plan.done = {}
      }, TEXT.clearedTicks))),
  )
})()
