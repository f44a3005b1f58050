/*
 * The study tools' shared store and reading progress; loaded on every page (hooks/study_tools.py).
 *
 * Everything the reader does is kept in one localStorage entry, "aig.study.v2", keyed by
 * language-independent ids (question ids "q-<slug>", page paths without the /ru/ prefix):
 *   marks  {"q-<slug>": {grade: "knew"|"hard"|"missed"|"review", at: ms, fsrs?: {due, s, d, e, i, reps, lapses, state, last}}}
 *   ticks  {"<page path>": {at: ms, ticks: [bool, …]}}   the ticks of a page's checklists
 *   read   {"<page path>": ms}                           pages read to the end
 *   last   {page: "<page path>", title, at}              the last page opened, for "continue"
 *   plan   {role, date, hours, start, at, done: {"<item id>": {done: bool, at: ms}}}
 * Marks stored by earlier versions ("aig.progress.v1", "aig.checklists.v1") are moved in once.
 * Other study scripts use window.aigStudy. Nothing leaves the browser.
 */
;(() => {
  const KEY = "aig.study.v2"
  const OLD = { marks: "aig.progress.v1", ticks: "aig.checklists.v1" }
  const russian = document.documentElement.lang === "ru"
  const empty = () => ({ format: "aig-study", version: 2, marks: {}, ticks: {}, read: {}, last: null, plan: null })
  const parse = key => {
    try { return JSON.parse(localStorage.getItem(key)) } catch { return null }
  }
  const object = value => (value && typeof value === "object" && !Array.isArray(value) ? value : {})

  const save = data => {
    try { localStorage.setItem(KEY, JSON.stringify(data)) } catch { /* storage full or disabled */ }
  }

  function load() {
    const stored = object(parse(KEY))
    const data = { ...empty(), ...stored, format: "aig-study", version: 2 }
    for (const part of ["marks", "ticks", "read"]) data[part] = object(data[part])
    const marks = parse(OLD.marks), ticks = parse(OLD.ticks)
    if (marks || ticks) {
      // Version 1: {"q-<slug>": {status: "knew"|"review", at}} and {"<page>": [bool, …]}, no dates on ticks.
      for (const [id, mark] of Object.entries(object(marks)))
        if (/^q-[a-z0-9-]+$/.test(id) && ["knew", "review"].includes(mark?.status) && !data.marks[id])
          data.marks[id] = { grade: mark.status, at: Number(mark.at) || 0 }
      for (const [page, list] of Object.entries(object(ticks)))
        if (Array.isArray(list) && !data.ticks[page]) data.ticks[page] = { at: 0, ticks: list.map(Boolean) }
      save(data)
      localStorage.removeItem(OLD.marks)
      localStorage.removeItem(OLD.ticks)
    }
    return data
  }

  const update = change => {
    const data = load()
    change(data)
    save(data)
    return data
  }

  // The site's root URL (the favicon sits under <root>assets/), and a page's key: its path from the
  // root without the language prefix, the same in both languages.
  const root = new URL(document.querySelector("link[rel=icon]").href).href.replace(/assets\/.*$/, "")
  const keyOf = url => {
    const path = new URL(url, location.href).pathname
    const base = new URL(root).pathname
    return path.startsWith(base) ? path.slice(base.length).replace(/^ru\//, "").replace(/index\.html$/, "") : null
  }
  const pageKey = keyOf(location.href)
  const languageRoot = root + (russian ? "ru/" : "")

  const element = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag)
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith("on")) node.addEventListener(name.slice(2), value)
      else if (value !== false && value != null) node.setAttribute(name, value === true ? "" : value)
    }
    node.append(...children.flat(Infinity))
    return node
  }

  window.aigStudy = { KEY, russian, load, save, update, empty, root, languageRoot, keyOf, pageKey, element }

  /* -------------------------------------------------------------- reading progress */

  const NAV_LINKS = ".md-sidebar--primary a.md-nav__link[href]:not([href*='#'])"
  const READ = russian ? " (прочитано)" : " (read)"
  const article = document.querySelector(".md-content__inner")
  if (!article?.querySelector("h1")) return

  function markNav() {
    const read = load().read
    for (const link of document.querySelectorAll(NAV_LINKS)) {
      const key = keyOf(link.href)
      if (key === null || !read[key] || link.classList.contains("md-nav__link--read")) continue
      link.classList.add("md-nav__link--read")
      link.append(element("span", { class: "study-sr-only" }, READ))
    }
  }

  if (pageKey) {
    const title = document.querySelector(".md-content h1")?.textContent.replace(/¶$/, "").trim()
    update(data => { data.last = { page: pageKey, title, at: Date.now() } })
    // Read = the end of the article came into view.
    const end = element("span", { class: "study-read-sentinel", "aria-hidden": "true" })
    article.append(end)
    new IntersectionObserver((entries, observer) => {
      if (!entries.some(entry => entry.isIntersecting)) return
      observer.disconnect()
      update(data => { data.read[pageKey] = Date.now() })
      markNav()
    }).observe(end)
  } else {
    // The home page: a link back to the last page the reader opened.
    const last = load().last
    if (last?.page) {
      const href = languageRoot + last.page
      const nav = [...document.querySelectorAll(NAV_LINKS)].find(link => keyOf(link.href) === last.page)
      const title = nav ? nav.textContent.replace(READ, "").trim() : last.title || last.page
      article.querySelector("h1").after(element("p", { class: "study-continue" },
        russian ? "Продолжить с того места, где вы остановились: " : "Continue where you left off: ",
        element("a", { href }, title)))
    }
  }
  markNav()
})()
