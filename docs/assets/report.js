/*
 * Completion reports, with nothing uploaded anywhere: on My progress the learner copies a short
 * text ending in a code; on the team overview a trainer pastes the group's reports and gets a
 * gradebook (one row per person, a column per chapter and case, sorting, filters, a summary, a
 * CSV file, a print layout) and can check a certificate's number against them. Every figure a
 * report carries is asked from the progress core (course-core.js) when the report is made.
 *
 * The code's checksum catches typing and copying mistakes; it is no proof: the check runs in this
 * page, so anyone can make a code that passes it. Records that count belong in the LMS packages.
 *
 * Report code, version 2 (the one description of the format):
 *   CO2.<payload>.<checksum>    payload = base64url(UTF-8 text), checksum = fnv1a32(payload), 8 hex
 *   text = date "|" language "|" lessons "|" final "|" certificate day "|" assignment "|" name
 *     date        the moment the report was made, UTC, to the minute: 2026-12-02T10:15Z
 *     lessons     comma-separated, one per lesson started: <lesson><grade>[score][/first][:missed]
 *                 lesson = first 4 hex digits of fnv1a(quiz id); grade = p (passed), f (failed:
 *                 all answered, below the pass mark), i (in progress); score = best percent;
 *                 first = first-attempt percent; missed = questions got wrong at least once, each
 *                 the first 4 hex digits of fnv1a(question id)
 *     final       empty (never taken) or <p|f><right>/<total>[~<right>/<total> of the first attempt]x<attempts>;
 *                 p: the latest passed attempt, f: the latest attempt (none passed)
 *     certificate the certificate's day when it is issued (its number is derived from it), else empty
 *     assignment  empty or <id>@<due day or empty>=<passed>/<assigned>[@<day all were passed>]
 *     name        the rest of the text (it may hold any character, "|" too)
 *   Lessons and questions are named by short hashes to keep the code short enough for an e-mail
 *   (a course finished without mistakes: about 330 characters, version 1 about 600); the team overview resolves
 *   them against its own course map, and a hash that names no lesson or question of this build
 *   (or two of them) is left out.
 * Version 1 (CO1.<base64url(JSON {n, d, l, s: {quiz id: percent}, f})>.<checksum>), made before
 * this version, is still read: it carries passes only.
 */
(function () {
  "use strict";
  var core = window.courseCore;
  if (!core) return;
  var t = core.t;
  var pure = core.pure;
  var lessons = core.lessons;
  var fnv1a = pure.fnv1a;
  var NAME_KEY = "course-certificate-name-v1";
  var DAY = /^\d{4}-\d\d-\d\d$/;

  function toBase64url(text) {
    var bytes = new TextEncoder().encode(text), binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function fromBase64url(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }
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

  /* ---------- the format ---------- */

  function hash4(id) { return fnv1a(id).slice(0, 4); }
  /* Short hash → lesson (and, per lesson, → question id) of this build; null where two share one. */
  var byToken = {};
  lessons.forEach(function (l) {
    var k = hash4(l.quiz);
    byToken[k] = byToken.hasOwnProperty(k) ? null : l;
    l.reportQuestions = {};
    l.questions.forEach(function (q) { var h = hash4(q.id); l.reportQuestions[h] = l.reportQuestions.hasOwnProperty(h) ? null : q.id; });
  });
  var GRADES = { p: "passed", f: "failed", i: "in_progress" };
  var LETTER = { passed: "p", failed: "f", in_progress: "i" };
  function percent(x) { return x === null || x === undefined ? "" : String(x); }

  /* A report as the gradebook reads it: {version, name, at, lang, lessons: {quiz: {grade, score,
     first, missed}}, final: {passed, right, total, first, attempts} or null, cert: day or null,
     assignment: {id, due, passed, total, day} or null}. */
  function encode(r) {
    var entries = [];
    lessons.forEach(function (l) {
      var e = r.lessons[l.quiz];
      if (!e || !LETTER[e.grade]) return;
      entries.push(hash4(l.quiz) + LETTER[e.grade] + percent(e.score) + (e.first === null || e.first === undefined ? "" : "/" + e.first) +
        (e.missed && e.missed.length ? ":" + e.missed.map(hash4).join("") : ""));
    });
    var f = r.final;
    var final = !f ? "" : (f.passed ? "p" : "f") + f.right + "/" + f.total + (f.first ? "~" + f.first.right + "/" + f.first.total : "") + "x" + f.attempts;
    var a = r.assignment;
    var assignment = !a ? "" : a.id + "@" + (a.due || "") + "=" + a.passed + "/" + a.total + (a.day ? "@" + a.day : "");
    var text = [r.at, r.lang, entries.join(","), final, r.cert || "", assignment, r.name].join("|");
    var payload = toBase64url(text);
    return "CO2." + payload + "." + fnv1a(payload);
  }
  function int(x, max) { var n = Number(x); return x !== undefined && x !== "" && Math.floor(n) === n && n >= 0 && n <= max ? n : null; }
  /* Version 2's text → a report, or null when it is not one. */
  function read2(text) {
    var f = text.split("|");
    if (f.length < 7 || !/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/.test(f[0]) || !/^[a-z]{2,3}$/.test(f[1])) return null;
    var r = { version: 2, at: f[0], lang: f[1], lessons: {}, final: null, cert: null, assignment: null, name: f.slice(6).join("|").trim() };
    if (f[2]) {
      var ok = f[2].split(",").every(function (entry) {
        var m = /^([0-9a-f]{4})([pfi])(\d{1,3})?(?:\/(\d{1,3}))?(?::((?:[0-9a-f]{4})+))?$/.exec(entry);
        if (!m) return false;
        var l = byToken[m[1]];
        if (!l) return true;  /* a lesson this build does not have (or cannot tell apart): left out */
        var missed = (m[5] || "").match(/.{4}/g) || [];
        r.lessons[l.quiz] = { grade: GRADES[m[2]], score: int(m[3], 100), first: int(m[4], 100),
          missed: missed.map(function (h) { return l.reportQuestions[h]; }).filter(Boolean) };
        return true;
      });
      if (!ok) return null;
    }
    if (f[3]) {
      var m = /^([pf])(\d+)\/(\d+)(?:~(\d+)\/(\d+))?x(\d+)$/.exec(f[3]);
      if (!m || +m[2] > +m[3] || +m[3] < 1) return null;
      r.final = { passed: m[1] === "p", right: +m[2], total: +m[3], first: m[4] ? { right: +m[4], total: +m[5] } : null, attempts: +m[6] };
    }
    if (f[4]) { if (!DAY.test(f[4])) return null; r.cert = f[4]; }
    if (f[5]) {
      var a = /^([0-9a-f]{6})@(\d{4}-\d\d-\d\d)?=(\d+)\/(\d+)(?:@(\d{4}-\d\d-\d\d))?$/.exec(f[5]);
      if (!a) return null;
      r.assignment = { id: a[1], due: a[2] || "", passed: +a[3], total: +a[4], day: a[5] || "" };
    }
    return r;
  }
  /* Version 1's JSON → a report: passes only, so every other lesson reads "not reported". */
  function read1(r) {
    var ok = r && typeof r.n === "string" && DAY.test(r.d) && typeof r.l === "string" && r.s && typeof r.s === "object" &&
      Object.keys(r.s).every(function (k) { return typeof r.s[k] === "number" && r.s[k] >= 0 && r.s[k] <= 100; }) &&
      (r.f === null || (typeof r.f === "number" && r.f >= 0 && r.f <= 100));
    if (!ok) return null;
    var out = { version: 1, at: r.d, lang: r.l, lessons: {}, final: null, cert: null, assignment: null, name: r.n.trim() };
    lessons.forEach(function (l) {
      out.lessons[l.quiz] = typeof r.s[l.quiz] === "number" ? { grade: "passed", score: Math.round(r.s[l.quiz]), first: null, missed: [] } : { grade: "unknown", score: null, first: null, missed: [] };
    });
    if (r.f !== null) out.final = { passed: true, percent: Math.round(r.f), right: null, total: null, first: null, attempts: null };
    return out;
  }

  /* Codes in pasted text. Whitespace and e-mail quote marks (">") inside a code are ignored, so
     a code an e-mail client broke across lines still reads; a break followed by another "COn."
     starts a new code. Each find: {version, payload, sum (null when cut off), line}. */
  var FIND = /CO(\d+)\.([A-Za-z0-9_-]+(?:[\s>]+(?!CO\d+\.)[A-Za-z0-9_-]+)*)(?:[\s>]*\.[\s>]*((?:[0-9a-f][\s>]*){7}[0-9a-f]))?/g;
  function squeeze(x) { return x.replace(/[\s>]+/g, ""); }
  function find(text) {
    var out = [], m, line = 1, from = 0;
    FIND.lastIndex = 0;
    while ((m = FIND.exec(text))) {
      for (var i = from; i < m.index; i++) if (text.charCodeAt(i) === 10) line += 1;
      from = m.index;
      out.push({ version: m[1], payload: squeeze(m[2]), sum: m[3] ? squeeze(m[3]) : null, line: line, index: m.index });
    }
    return out;
  }
  function payloadOf(version, payload) {
    var text = fromBase64url(payload);
    return version === "2" ? read2(text) : read1(JSON.parse(text));
  }
  /* One find → {report} or {why, name}: the name comes from the payload when it still reads,
     else from the text just before the code (the report's first line names the person). */
  function judge(found, text) {
    var report = null;
    try { report = found.version === "1" || found.version === "2" ? payloadOf(found.version, found.payload) : null; } catch (e) { report = null; }
    var why = found.version !== "1" && found.version !== "2" ? "version" : found.sum === null ? "cut" : fnv1a(found.payload) !== found.sum ? "sum" : report ? null : "bad";
    if (!why) return { report: report };
    /* the line before the code is the report's own text, which names the person; the payload of a
       refused code is not to be trusted, its name is used when that line agrees or is missing */
    var lines = text.slice(Math.max(0, found.index - 300), found.index).split("\n").map(function (s) { return s.replace(/^[\s>]+/, "").trim(); }).filter(Boolean);
    var before = lines.length ? lines[lines.length - 1] : "";
    var claimed = report && report.name && why !== "cut" ? report.name : "";  /* a cut code has lost the end of its name */
    var hint = claimed && (!before || before.indexOf(claimed) !== -1) ? claimed : before.length > 90 ? before.slice(0, 89) + "…" : before;
    return { why: why, name: hint, line: found.line, version: found.version };
  }

  /* ---------- My progress: the learner's report ---------- */

  function assignmentNow() {
    var a = window.courseAssignment && window.courseAssignment.current();
    if (!a) return null;
    var items = lessons.filter(function (l) { return a.lessons.indexOf(l.quiz) !== -1; });
    var states = items.map(function (l) { return core.lessonState(l); });
    var done = states.filter(function (s) { return s.passed; });
    var last = done.reduce(function (m, s) { return s.passedAt && s.passedAt > m ? s.passedAt : m; }, "");
    return { id: a.id, due: a.due, passed: done.length, total: items.length,
      day: items.length && done.length === items.length && last ? pure.dayOf(new Date(last)) : "" };
  }
  /* This learner's report now, every figure from the core. */
  function mine(name) {
    var missed = core.missed();
    var out = { version: 2, at: new Date().toISOString().slice(0, 16) + "Z", lang: document.documentElement.lang || "", name: name, lessons: {} };
    core.summary().states.forEach(function (s) {
      out.lessons[s.lesson.quiz] = { grade: core.grade(s), score: s.best, first: s.first, missed: missed[s.lesson.quiz] || [] };
    });
    var fin = core.final(), shown = fin.passed || fin.last;
    out.final = shown ? { passed: !!fin.passed, right: shown.right, total: shown.total, first: fin.first, attempts: fin.attempts } : null;
    var cert = core.certificate();
    out.cert = cert.eligible ? pure.dayOf(new Date(cert.date)) : null;
    out.assignment = assignmentNow();
    return out;
  }

  var box = document.querySelector("[data-report]");
  if (box) {
    var nameInput = box.querySelector("[data-report-name]");
    var out = box.querySelector("[data-report-text]");
    try { nameInput.value = window.localStorage.getItem(NAME_KEY) || ""; } catch (e) { /* unavailable */ }
    var build = function () {
      var r = mine(nameInput.value.trim());
      var passed = lessons.filter(function (l) { return r.lessons[l.quiz].grade === "passed"; }).length;
      var f = r.final && r.final.passed ? Math.round(100 * r.final.right / r.final.total) + "%" : "—";
      out.value = t("report_text", { name: r.name || "—", date: r.at.slice(0, 10), passed: passed, total: lessons.length, final: f }) + "\n" + encode(r);
    };
    nameInput.addEventListener("input", function () {
      try { window.localStorage.setItem(NAME_KEY, nameInput.value); } catch (e) { /* unavailable */ }
      build();
    });
    box.querySelector("[data-action=copy-report]").addEventListener("click", function () {
      build();
      out.select();
      var said = box.querySelector("[data-report-message]");
      var done = function () { said.textContent = "✓ " + t("report_copied"); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(out.value).then(done, function () { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    /* after every script has run: the assignment comes from docs/assets/assign.js */
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build, { once: true }); else build();
    core.subscribe(build);
  }

  /* for docs/assets/gradebook.js (the team overview) and for tests that make reports */
  window.courseReport = { encode: encode, find: find, judge: judge, mine: mine };
})();
