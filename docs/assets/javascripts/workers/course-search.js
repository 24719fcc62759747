/*
 * Search worker wrapper: Material's search worker (named in ?worker=) runs inside it, and
 * this wrapper owns the message protocol around it (SETUP 0, READY 1, QUERY 2, RESULT 3):
 *
 * - Loading. Material's page script sends SETUP on every page load with the configuration of
 *   hooks/search_index.py (no documents). The wrapper answers READY at once, so Material
 *   sends every query as it is typed, and fetches the documents of its scope (?scope=,
 *   from ?index=) when search is first opened: the page says so on a BroadcastChannel
 *   (from disk, where Material sends SETUP only then, at SETUP), or at the first query.
 * - No lost query. Queries wait here until the index is built; only the last one is searched
 *   (each result replaces the previous one on screen, so the last query typed always wins).
 * - One analysis. The same function turns an indexed word and a query word into a term:
 *   lower case, accents folded (ё as е, й kept), then stemmed by script (Cyrillic: lunr's
 *   Russian Snowball stemmer; Greek: lunr's Greek stemmer; Latin: lunr's Porter stemmer).
 *   It replaces lunr's trimmer and stemmer before Material builds its index; a query word
 *   is analysed here because Material adds a wildcard to it, which skips lunr's pipeline.
 * - Near misses. A query word of five or more letters that begins no indexed term is read
 *   as the indexed term one edit away (a typo); a Cyrillic or Greek word is also read in
 *   Latin letters, so «икея», «ικεα» and «нордстром» find IKEA and Nordstrom.
 *
 * From file:// the iframe-worker shim runs this file in a hidden frame: importScripts then
 * returns a promise and the documents come as scripts (search/<scope>.js) instead of JSON.
 */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var params = new URL(here).searchParams;
  var material = params.get("worker");
  var scope = params.get("scope") === "trainer" ? ["learner", "trainer"] : ["learner"];
  var indexBase = params.get("index");
  var fromDisk = /^file:/.test(material);
  var send = self.postMessage.bind(self);

  var setup = null, latest = null, busy = false, ready = null, capture = null, passing = false;
  var vocabulary = null, documents = null;

  /* Analysis: the one function for indexed words and query words */
  var COMBINING = /(?!\u0306)\p{M}/gu;
  var stemmers = {};
  var cache = new Map();
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(COMBINING, "").normalize("NFC");
  }
  function analyse(word) {
    var term = cache.get(word);
    if (term !== undefined) return term;
    var folded = fold(word);
    var stem = /\p{Script=Cyrillic}/u.test(folded) ? stemmers.ru
      : /\p{Script=Greek}/u.test(folded) ? stemmers.el
      : /^[a-z]/.test(folded) ? stemmers.en : null;
    term = stem ? stem(folded) : folded;
    cache.set(word, term);
    return term;
  }

  /* Latin spelling of a Cyrillic or Greek word, for names the course writes in Latin */
  var LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o"
  };
  function latin(word) {
    return fold(word).replace(/./gu, function (c) { return c in LATIN ? LATIN[c] : c; });
  }

  /* One edit (insertion, deletion, substitution or swap of neighbours) or none */
  function near(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb)
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  function begins(prefix) {  // does an indexed term begin with prefix? (binary search)
    var lo = 0, hi = vocabulary.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (vocabulary[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo < vocabulary.length && vocabulary[lo].lastIndexOf(prefix, 0) === 0;
  }
  function closest(term, minimum) {  // the most used indexed term one edit away
    var best = null, uses = 0;
    for (var i = 0; i < vocabulary.length; i++) {
      var candidate = vocabulary[i];
      if (candidate.length >= minimum && near(term, candidate)) {
        var n = documents[candidate];
        if (n > uses) { best = candidate; uses = n; }
      }
    }
    return best;
  }

  /* A query as the index reads it: each word analysed, typos and Latin names resolved */
  function rewrite(query) {
    var extra = [];
    var text = query.replace(/[\p{L}\p{N}]+/gu, function (word) {
      var term = analyse(word);
      if (!vocabulary) return term;
      if (word.length >= 3 && /\p{Script=Cyrillic}|\p{Script=Greek}/u.test(word)) {
        var name = analyse(latin(word));
        var match = begins(name) ? name : closest(name, 4);
        if (match && /^[a-z]/.test(match)) extra.push(match);
      }
      if (begins(term)) return term;
      if (fold(word).length >= 5) {
        var fixed = closest(term, 3);
        if (fixed) return fixed;
      }
      return term;
    });
    // a "+word" or "-word" gets no wildcard from Material, so lunr would analyse it twice
    text = text.replace(/(^|\s)([+-][^\s*~^]+)(?=\s|$)/g, "$1$2*");
    return extra.length ? text + " " + extra.join(" ") : text;
  }

  /* Material's worker, with lunr's trimmer and stemmer replaced by the analysis above */
  function load(urls) {
    return Promise.resolve(importScripts.apply(self, urls));
  }
  function start() {
    var lunrBase = material.replace(/workers\/[^/]*$/, "lunr/min/");
    var lang = setup.config.course.lang;
    return load([material]).then(function () {
      var scripts = lang === "en" ? [] : [lunrBase + "lunr.stemmer.support.min.js", lunrBase + "lunr." + lang + ".min.js"];
      return scripts.length ? load(scripts) : null;
    }).then(function () {
      var lunr = self.lunr;
      var porter = lunr.stemmer;
      stemmers.en = function (word) { return porter(new lunr.Token(word, {})).toString(); };
      if (lunr.ru) stemmers.ru = lunr.ru.stemmer;
      if (lunr.el) stemmers.el = function (word) { return lunr.el.stemmer(word.replace(/ς/g, "σ")); };
      var trimmer = function (token) {
        var word = token.toString().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        return word ? token.update(function () { return word; }) : undefined;
      };
      var stemmer = function (token) { return token.update(analyse); };
      lunr.Pipeline.registerFunction(trimmer, "course-trimmer");
      lunr.Pipeline.registerFunction(stemmer, "course-stemmer");
      lunr.trimmer = trimmer;
      lunr.stemmer = stemmer;
      var build = lunr.Builder.prototype.build;
      lunr.Builder.prototype.build = function () {
        var index = build.call(this);
        vocabulary = Object.keys(index.invertedIndex).sort();
        documents = {};
        for (var i = 0; i < vocabulary.length; i++) {
          var postings = index.invertedIndex[vocabulary[i]], n = 0;
          for (var field in postings) if (field !== "_index") n += Object.keys(postings[field]).length;
          documents[vocabulary[i]] = n;
        }
        return index;
      };
      return Promise.all(scope.map(fetchScope));
    }).then(function (parts) {
      var docs = [].concat.apply([], parts);
      return ask({type: SETUP, data: {config: setup.config, docs: docs, options: setup.options}});
    });
  }
  function fetchScope(name) {
    var url = new URL(setup.config.course.files[name] + (fromDisk ? ".js" : ".json"), indexBase).href;
    if (fromDisk) return load([url]).then(function () { return self["__course_" + name]; });
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  /* Hand a message to Material's worker and resolve with its answer */
  function ask(message) {
    return new Promise(function (resolve) {
      capture = resolve;
      passing = true;
      self.dispatchEvent(new MessageEvent("message", {data: message}));
      passing = false;
    });
  }
  self.postMessage = function (message) {
    if (capture) {
      var resolve = capture;
      capture = null;
      resolve(message);
    } else {
      send(message);
    }
  };

  function next() {
    if (busy || latest === null) return;
    busy = true;
    var query = latest;
    latest = null;
    if (!query.trim() && !ready) {  // Material asks with an empty query on every page load
      send({type: RESULT, data: {items: []}});
      busy = false;
      return next();
    }
    ready = ready || start();
    ready.then(function () {
      return ask({type: QUERY, data: rewrite(query)});
    }).then(send, function (error) {
      console.warn("Search is not available:", error);
      send({type: RESULT, data: {items: []}});
    }).then(function () {
      busy = false;
      next();
    });
  }

  self.addEventListener("message", function (event) {
    if (passing) return;  // a message this wrapper hands to Material's worker
    event.stopImmediatePropagation();
    var message = event.data || {};
    if (message.type === SETUP) {
      setup = message.data;
      send({type: READY});
      if (fromDisk) ready = ready || start();  // from disk Material sets up search when it is opened
    } else if (message.type === QUERY) {
      latest = String(message.data);
      next();
    }
  });

  /* The page says when search is first opened (overrides/main.html): fetch and build then */
  if (self.BroadcastChannel)
    new BroadcastChannel("course-search").onmessage = function () {
      if (setup) ready = ready || start();
    };
})();
