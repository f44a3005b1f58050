/*
 * Search worker wrapper around Material's own worker (loaded below). It does two things:
 *
 * 1. Loads the search index on the first query, not on every page load. The page hands over a
 *    stub index (config only, with the path of the full one: hooks/search_i18n.py writes both),
 *    so a reader who never searches never downloads the index (~180-240 KB gzip).
 * 2. Stems each query term before Material's worker sees it. Material appends a prefix wildcard
 *    to every term ("теоремой" -> "теоремой*") and lunr runs no pipeline, so no stemmer, on
 *    wildcard terms: inflected queries found nothing. Stemmed first ("теорем", then "теорем*"),
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

let languages = ["en"]
let deferredSetup = null  // the page's stub setup (config only)
let loading = null        // promise: Material's worker has been set up with the full index
let loaded = false
let latestQuery = null    // the last query typed before the full index was loaded
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

function stemTerm(term, stemmers) {
  const word = term.toLowerCase()
  const stemmed = stemmers.reduce(
    (current, stemmer) => stemmer(new self.lunr.Token(current, {})).toString(),
    word
  )
  return stemmed || word
}

// Only plain words are stemmed: operators (+ - ~ ^ *), fields and quoted phrases are
// Material's query syntax and are left exactly as typed.
const PLAIN_WORD = /^([+-]?)([\p{L}\p{N}_]+)$/u

function stemQuery(query) {
  const lunr = self.lunr
  const stemmers = languages
    .map(language => (language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer))
    .filter(Boolean)
  return query
    .split(/\s+/)
    .map(token => {
      const match = PLAIN_WORD.exec(token)
      return match ? match[1] + stemTerm(match[2], stemmers) : token
    })
    .join(" ")
}

self.addEventListener("message", event => {
  const message = event.data
  if (message.type === SETUP && message.data.config.full_index) {
    event.stopImmediatePropagation()
    deferredSetup = message.data
    postToPage({ type: READY })
  } else if (message.type === SETUP) {
    languages = message.data.config.lang
  } else if (message.type === QUERY && deferredSetup && !loaded && !message.data.trim()) {
    // The page sends the empty query when the search box is set up: nothing to load for that.
    event.stopImmediatePropagation()
    postToPage({ type: RESULT, data: { items: [] } })
  } else if (message.type === QUERY && deferredSetup && !loaded) {
    // Answer the latest query typed so far once the full index has loaded.
    event.stopImmediatePropagation()
    latestQuery = message.data
    loading = loading || loadFullIndex()
      .then(() => {
        loaded = true
        self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: latestQuery } }))
      })
      .catch(error => {
        loading = null
        console.error(error)
        postToPage({ type: RESULT, data: { items: [] } })
      })
  } else if (message.type === QUERY) {
    message.data = stemQuery(message.data)
  }
})

importScripts(MATERIAL_WORKER)
