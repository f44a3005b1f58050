/*
 * Search worker wrapper: stems each query term before Material's worker sees the query.
 *
 * Material appends a prefix wildcard to every term ("теоремой" -> "теоремой*"), and lunr does not
 * run its pipeline (so not the stemmer) on wildcard terms: inflected queries found nothing. Here
 * the term is stemmed first ("теоремой" -> "теорем", then "теорем*"), with the stemmers of the
 * languages the index itself was built with (config.lang), which Material's worker loads.
 *
 * This listener is registered before Material's, so it rewrites the message in place first.
 * Material's worker is internal API: mkdocs-material is pinned and a browser test covers this.
 */
const MATERIAL_WORKER = "search.a7633da7.min.js"
const SETUP = 0
const QUERY = 2

let languages = ["en"]

function stemmersFor(lunr) {
  return languages
    .map(language => (language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer))
    .filter(Boolean)
}

function stemTerm(term, stemmers) {
  const word = term.toLowerCase()
  const stemmed = stemmers.reduce(
    (current, stemmer) => stemmer(new self.lunr.Token(current, {})).toString(),
    word
  )
  return stemmed || word
}

// A term is stemmed only when it is a plain word: operators (+ - ~ ^ *), fields and
// quoted phrases are Material's query syntax and are left exactly as typed.
const PLAIN_WORD = /^([+-]?)([\p{L}\p{N}_]+)$/u

function stemQuery(query) {
  if (typeof self.lunr === "undefined") return query
  const stemmers = stemmersFor(self.lunr)
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
  if (message.type === SETUP) languages = message.data.config.lang
  else if (message.type === QUERY) message.data = stemQuery(message.data)
})

importScripts(MATERIAL_WORKER)
