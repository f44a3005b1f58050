/*
 * Search worker wrapper around Material's own worker (loaded below). It does two things:
 *
 * 1. Preloads the search index off the main thread, so that the first query is answered from a
 *    ready index. The page hands over a stub index (config only, with the path of the full one:
 *    hooks/search_i18n.py writes both), so the index is not part of the page's own load;
 *    PRELOAD_DELAY_MS later, or at the first query if that comes sooner, this worker fetches the
 *    full index (~440-580 KB gzip, cached by the browser after the first page) and builds it.
 * 2. Rewrites each query before Material's worker sees it (prepareQuery): folding, hyphenated
 *    words as required parts, synonyms, stop words, and stemming. Material appends a prefix
 *    wildcard to every term ("теоремой" -> "теоремой*") and lunr runs no pipeline, so no stemmer,
 *    on wildcard terms: inflected queries found nothing. Stemmed first ("теорем", then "теорем*"),
 *    they match, with the stemmers of the languages the index was built with (config.lang).
 *
 * Messages are intercepted by a listener registered before Material's, and Material's replies by
 * wrapping postMessage. Material's worker is internal API: mkdocs-material is pinned exactly, and
 * the browser tests cover search.
 */
const MATERIAL_WORKER = "search.a7633da7.min.js"
const SITE_ROOT = new URL("../../../", self.location)  // this file is in assets/javascripts/workers/
const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3
const PRELOAD_DELAY_MS = 1000  // a reader who only passes through a page (or a test that moves on) pays nothing

let languages = ["en"]
let synonyms = []         // groups of variants, folded (config.synonyms)
let asksMark = null       // the mark of question words in the index (config.asks_mark)
let deferredSetup = null  // the page's stub setup (config only)
let loading = null        // promise: Material's worker has been set up with the full index
let loaded = false
let latestQuery = null    // the last query typed before the full index was loaded, not yet answered
let onMaterialReady = null

const postToPage = self.postMessage.bind(self)
self.postMessage = message => {
  if (message && message.type === READY && onMaterialReady) {
    const resolve = onMaterialReady
    onMaterialReady = null
    resolve()
    return
  }
  postToPage(message)
}

function loadFullIndex() {
  return fetch(new URL(deferredSetup.config.full_index, SITE_ROOT))
    .then(response => {
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`)
      return response.json()
    })
    .then(index => new Promise(resolve => {
      onMaterialReady = resolve
      const data = { config: index.config, docs: index.docs, options: deferredSetup.options }
      self.dispatchEvent(new MessageEvent("message", { data: { type: SETUP, data } }))
    }))
}

function ensureFullIndex() {
  loading = loading || loadFullIndex().then(
    () => { loaded = true },
    error => { loading = null; throw error }
  )
  return loading
}

function stemTerm(term, stemmers) {
  const word = term.toLowerCase()
  const stemmed = stemmers.reduce(
    (current, stemmer) => stemmer(new self.lunr.Token(current, {})).toString(),
    word
  )
  return stemmed || word
}

// Query syntax (fields, +/-, ~, ^, *, quotes) is left exactly as typed, only stemmed word by word.
const SYNTAX = /[+~^*:"]|(^|\s)-/
const PLAIN_WORD = /^([+-]?)([\p{L}\p{N}_]+)$/u

// Lower case without accents, as the index's *_folded fields: é -> e, ё -> е.
const fold = text => text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")

function stemmersOf(lunr) {
  return languages
    .map(language => (language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer))
    .filter(Boolean)
}

// Clause boosts (lunr takes whole numbers): a typed word, and a synonym the query brought in.
const WHOLE = 10
const SYNONYM = 5

// Words that join a question rather than name its subject ("A vs B", «разница между A и B»).
const JOINING_WORDS = new Set(["vs", "versus", "difference", "between", "или", "против", "разница", "между", "чем"])

function isStopWord(word, lunr) {
  if (JOINING_WORDS.has(word)) return true
  const filters = languages.map(language => (language === "en" ? lunr.stopWordFilter : lunr[language]?.stopWordFilter))
  return filters.some(filter => filter && filter(new lunr.Token(word, {})) === undefined)
}

/*
 * A plain query as readers type it, made into the query that finds what they mean:
 * - folded (case, accents, ё), as the index's folded fields are;
 * - a hyphenated word ("self-attention") becomes its parts, each required, so pages that only
 *   say "self" (self-quiz) or only "attention" do not outrank the one that says both;
 * - each synonym group (config.synonyms, from synonyms.yml) that the query mentions, in any
 *   inflection, adds its other variants;
 * - stop words ("how", "many", «сколько») are dropped when other words remain: the index has none.
 * Each word the reader typed is searched twice, stemmed: whole (`stem^10`: Material adds no
 * wildcard to a boosted term), then as a prefix (Material appends `*`), so a word still being typed
 * matches, and a page with the whole word outranks one where it is only a prefix («интервью» vs
 * «интервалы»): lunr scores each index term once, for the first clause that matches it, so the
 * whole-word clauses come first. Added synonyms are searched whole, at half weight. Every typed
 * word, stop words included, is also searched among the words of question titles (the index's
 * "asks" field, each word marked with config.asks_mark), so "how many interview rounds" reaches
 * "How many interviews are there?".
 */
function prepareQuery(query) {
  const lunr = self.lunr
  const stemmers = stemmersOf(lunr)
  const stem = word => stemTerm(word, stemmers)
  if (SYNTAX.test(query)) {
    return query.split(/\s+/).map(token => {
      const match = PLAIN_WORD.exec(token)
      return match ? match[1] + stem(match[2]) : token
    }).join(" ")
  }
  const words = fold(query).split(/[^\p{L}\p{N}_@-]+/u).filter(Boolean)
  const parts = words.flatMap(word => word.split("-").filter(Boolean))
  const required = words
    .filter(word => word.includes("-"))
    .flatMap(word => word.split("-"))
    .filter(word => word && !isStopWord(word, lunr))
  const typed = words.filter(word => !word.includes("-"))
  const added = []
  const stems = ` ${parts.map(stem).join(" ")} `
  for (const group of synonyms) {
    const variants = group.map(variant => variant.split(/[\s-]+/))
    if (variants.some(variant => stems.includes(` ${variant.map(stem).join(" ")} `))) {
      for (const variant of variants) added.push(...variant)
    }
  }
  const meaningful = typed.filter(word => !isStopWord(word, lunr))
  const kept = meaningful.length || required.length ? meaningful : typed
  const terms = [
    ...required.map(word => `+${stem(word)}^${WHOLE}`),
    ...kept.map(word => `${stem(word)}^${WHOLE}`),
    ...added.filter(word => !isStopWord(word, lunr)).map(word => `${stem(word)}^${SYNONYM}`),
    ...(asksMark ? parts.map(word => `${stem(asksMark + word)}^${WHOLE}`) : []),
    ...kept.map(stem),
  ]
  return [...new Set(terms)].filter(term => !/^\+?\^/.test(term)).join(" ")
}

self.addEventListener("message", event => {
  const message = event.data
  if (message.type === SETUP && message.data.config.full_index) {
    event.stopImmediatePropagation()
    deferredSetup = message.data
    postToPage({ type: READY })
    setTimeout(() => ensureFullIndex().catch(error => console.error(error)), PRELOAD_DELAY_MS)
  } else if (message.type === SETUP) {
    languages = message.data.config.lang
    synonyms = message.data.config.synonyms || []
    asksMark = message.data.config.asks_mark || null
  } else if (message.type === QUERY && deferredSetup && !loaded && !message.data.trim()) {
    // The page sends the empty query when the search box is set up: nothing to answer yet.
    event.stopImmediatePropagation()
    postToPage({ type: RESULT, data: { items: [] } })
  } else if (message.type === QUERY && deferredSetup && !loaded) {
    // Answer the latest query typed so far once the full index is ready.
    event.stopImmediatePropagation()
    latestQuery = message.data
    ensureFullIndex()
      .then(() => {
        if (latestQuery === null) return
        const query = latestQuery
        latestQuery = null
        self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query } }))
      })
      .catch(error => {
        console.error(error)
        postToPage({ type: RESULT, data: { items: [] } })
      })
  } else if (message.type === QUERY) {
    message.data = prepareQuery(message.data)
  }
})

importScripts(MATERIAL_WORKER)
