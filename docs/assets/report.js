/*
 * Completion reports, with nothing uploaded anywhere: on My progress the learner copies a short
 * text with a code that carries name, lessons passed with scores, final test and date; on the
 * team overview a trainer pastes reports and sees a table. The code ends in a checksum, so a
 * mistyped or altered code is refused instead of being shown as data.
 *   code = "CO1." + base64url(JSON {n, d, l, s: {quiz: percent}, f}) + "." + fnv1a32(payload)
 */
(function () {
  "use strict";
  var core = window.courseCore;  /* the progress core: every score here is asked from it */
  if (!core) return;
  var t = core.t;
  var lessons = core.lessons;
  var NAME_KEY = "course-certificate-name-v1";
  var CODE = /CO1\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})/g;

  function fnv1a(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) { hash ^= text.charCodeAt(i); hash = Math.imul(hash, 0x01000193) >>> 0; }
    return ("0000000" + hash.toString(16)).slice(-8);
  }
  function toBase64url(text) {
    var bytes = new TextEncoder().encode(text), binary = "";
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function fromBase64url(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, function (c) { return c.charCodeAt(0); }));
  }
  function encode(report) { var payload = toBase64url(JSON.stringify(report)); return "CO1." + payload + "." + fnv1a(payload); }
  /* Shared with docs/assets/assign.js: any small object as "<payload>.<checksum>", and back
     (null when the checksum, the encoding or the JSON is wrong). */
  window.courseCode = {
    pack: function (value) { var payload = toBase64url(JSON.stringify(value)); return payload + "." + fnv1a(payload); },
    unpack: function (code) {
      var m = /^([A-Za-z0-9_-]+)\.([0-9a-f]{8})$/.exec(code || "");
      if (!m || fnv1a(m[1]) !== m[2]) return null;
      try { return JSON.parse(fromBase64url(m[1])); } catch (e) { return null; }
    }
  };
  function decode(payload, sum) {
    if (fnv1a(payload) !== sum) return null;
    try {
      var r = JSON.parse(fromBase64url(payload));
      var ok = r && typeof r.n === "string" && /^\d{4}-\d\d-\d\d$/.test(r.d) && typeof r.l === "string" && r.s && typeof r.s === "object" &&
        Object.keys(r.s).every(function (k) { return typeof r.s[k] === "number" && r.s[k] >= 0 && r.s[k] <= 100; }) &&
        (r.f === null || (typeof r.f === "number" && r.f >= 0 && r.f <= 100));
      return ok ? r : null;
    } catch (e) { return null; }
  }

  /* My progress: the learner's report. */
  var mine = document.querySelector("[data-report]");
  if (mine) {
    var name = mine.querySelector("[data-report-name]");
    var out = mine.querySelector("[data-report-text]");
    try { name.value = window.localStorage.getItem(NAME_KEY) || ""; } catch (e) { /* unavailable */ }
    var build = function () {
      var scores = {};
      core.summary().states.forEach(function (s) { if (s.passed) scores[s.lesson.quiz] = s.best; });
      var final = core.certificate().final;
      var report = { n: name.value.trim(), d: new Date().toISOString().slice(0, 10), l: document.documentElement.lang, s: scores,
        f: final ? Math.round(100 * final.right / final.total) : null };
      out.value = t("report_text", { name: report.n || "—", date: report.d, passed: Object.keys(scores).length, total: lessons.length,
        final: report.f === null ? "—" : report.f + "%" }) + "\n" + encode(report);
    };
    name.addEventListener("input", function () {
      try { window.localStorage.setItem(NAME_KEY, name.value); } catch (e) { /* unavailable */ }
      build();
    });
    mine.querySelector("[data-action=copy-report]").addEventListener("click", function () {
      build();
      out.select();
      var said = mine.querySelector("[data-report-message]");
      var done = function () { said.textContent = "✓ " + t("report_copied"); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(out.value).then(done, function () { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    build();
    core.subscribe(build);
  }

  /* Team overview: paste reports, get a table; damaged or altered codes are refused. */
  var team = document.querySelector("[data-team]");
  if (team) {
    team.querySelector("[data-action=show-team]").addEventListener("click", function () {
      var text = team.querySelector("[data-team-input]").value;
      var body = team.querySelector("tbody");
      var errors = team.querySelector("[data-team-errors]");
      var rows = [], refused = 0, found = 0, match;
      body.textContent = "";
      errors.textContent = "";
      CODE.lastIndex = 0;
      while ((match = CODE.exec(text))) {
        found += 1;
        var report = decode(match[1], match[2]);
        if (report) rows.push(report); else refused += 1;
      }
      var loose = (text.match(/CO1\.\S*/g) || []).length - found;
      refused += Math.max(0, loose);
      rows.forEach(function (r) {
        var tr = document.createElement("tr");
        var passed = lessons.filter(function (l) { return typeof r.s[l.quiz] === "number"; });
        [r.n || "—", r.d, passed.length + " / " + lessons.length, r.f === null ? "—" : r.f + "%",
         passed.map(function (l) { return l.title + " " + r.s[l.quiz] + "%"; }).join("; ") || "—"].forEach(function (value, i) {
          var cell = document.createElement(i === 0 ? "th" : "td");
          if (i === 0) cell.scope = "row";
          cell.textContent = value;
          tr.appendChild(cell);
        });
        body.appendChild(tr);
      });
      team.querySelector("table").hidden = rows.length === 0;
      var said = [];
      said.push(t("team_count", { n: rows.length }));
      if (refused) said.push("✗ " + t("team_refused", { n: refused }));
      if (!rows.length && !refused) said = [t("team_none")];
      errors.textContent = said.join(" ");
    });
  }
})();
