/*
 * Search worker wrapper. Material's worker indexes words as they are written and matches a
 * query word as a prefix. Before it sees a query, this wrapper
 *  - folds it the way hooks/search_index.py folds the index's "folded" field (lower case,
 *    no accents, ё as е, й kept), so "πελατης" and "ΠΕΛΑΤΗΣ" find "πελάτης";
 *  - cuts Greek and Russian words to their stem with lunr's own stemmers, so the prefix
 *    "клиент" of "клиента" finds "клиент", "клиенту", "клиентов".
 * Then it runs Material's worker, named in ?worker=.
 */
function courseFold(text) {
  return text.toLowerCase().normalize("NFD").replace(/(?!\u0306)\p{M}/gu, "").normalize("NFC");
}
function courseStem(word) {
  var stemmer = /\p{Script=Greek}/u.test(word) ? lunr.el && lunr.el.stemmer
    : /\p{Script=Cyrillic}/u.test(word) ? lunr.ru && lunr.ru.stemmer : null;
  if (!stemmer) return word;
  var stem = stemmer(word).toLowerCase();
  return stem.length >= 3 ? stem : word;
}
self.addEventListener("message", function (event) {
  if (event.data && event.data.type === 2 && typeof event.data.data === "string") {
    event.data.data = courseFold(event.data.data).replace(/[\p{L}\p{N}]+/gu, courseStem);
  }
});
importScripts(new URL(self.location).searchParams.get("worker"));
