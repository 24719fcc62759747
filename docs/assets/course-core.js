/*
 * The course's progress core, loaded before every other course script. It alone reads and
 * writes the learner's record (localStorage key "course-progress-v1", shape described once by
 * docs/assets/progress.schema.json) and derives every figure the course shows from it and from
 * the question bank of this build (#course-map): lesson state, score, pass, first-attempt and
 * best score, overall share, mistakes due for review, certificate eligibility. The feature
 * scripts (quiz.js, progress.js, bank.js, certificate.js, report.js, assign.js) mount on their
 * elements and ask it; none of them touches the stored record.
 *
 * Rules it keeps:
 *  - answers are stored by meaning: the chosen option ids and the question's key fingerprint at
 *    the time (hooks/lib/quizview.py); an answer whose key differs from the current question's
 *    reads as unanswered, and whether it is right is always worked out again from the key;
 *  - every write re-reads what is stored, merges by question id and time, and writes; a
 *    `storage` event from another tab is merged in and the open page updates;
 *  - a stored record it does not understand (another version, damaged) is never overwritten:
 *    the page works on a record in memory and says so; unknown fields are kept;
 *  - storage that throws (blocked, full) leaves the record in memory for the visit, with a
 *    notice saying how to keep it (export), and no write is reported as done that was not.
 *
 * The pure functions (window.courseCore.pure) take everything they need as arguments, so they can
 * be tested on a blank page. The schema is read with a small checker of the few keywords the
 * schema uses: the scripts must run from file:// without a bundler, and tests/test_progress_core.py
 * runs the same records through Python's jsonschema to keep the two in agreement.
 */
(function () {
  "use strict";
  var KEY = "course-progress-v1";  /* inside an LMS: + "@lms:<learner>" (see findSession) */
  var VERSION = 2;
  var INTERVALS = [1, 3, 7];  /* days between reviews of a mistake, box by box */

  /* ---------- pure functions ---------- */

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  /* FNV-1a, 32 bits, 8 hex digits: the same function as hooks/lib/quizview.py's fnv1a(). */
  function fnv1a(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) { hash ^= text.charCodeAt(i); hash = Math.imul(hash, 0x01000193) >>> 0; }
    return ("0000000" + hash.toString(16)).slice(-8);
  }
  /* The fingerprint of a choice; equal to the question's key exactly when the choice is right. */
  function choiceKey(type, ids) {
    var chosen = type === "ordering" ? ids.slice() : ids.slice().sort();
    return fnv1a(type + ":" + chosen.join(","));
  }
  function isRight(question, choice) { return Array.isArray(choice) && choice.length > 0 && choiceKey(question.type, choice) === question.key; }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  /* A calendar day in the learner's own time zone: "separate days" are the learner's days. */
  function dayOf(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()); }
  function addDays(day, n) { var p = day.split("-").map(Number); return dayOf(new Date(p[0], p[1] - 1, p[2] + n)); }
  function later(a, b) { return !a ? b : !b ? a : a > b ? a : b; }

  function empty() { return { version: VERSION, answers: {}, quizzes: {}, review: {}, finals: [] }; }

  /* The course map as the core uses it: lessons with their questions as objects. */
  function lessonsOf(map) {
    return (Array.isArray(map) ? map : []).map(function (l) {
      var lesson = { key: l.key, href: l.href, url: l.url, part: l.part, title: l.title, quiz: l.quiz, pass: Number(l.pass) || 0.8,
        minutes: l.minutes || null, kind: l.kind || "", n: l.n || 0, of: l.of || 0 };
      lesson.questions = (l.questions || []).map(function (q) { return { id: q[0], key: q[1], type: q[2], items: q[3] || [], lesson: lesson }; });
      lesson.version = fnv1a(lesson.questions.map(function (q) { return q.id + ":" + q.key; }).join(","));
      return lesson;
    });
  }
  function indexOf(lessons) {
    var byId = {};
    lessons.forEach(function (l) { l.questions.forEach(function (q) { byId[q.id] = q; }); });
    return byId;
  }

  /* A checker for the JSON Schema keywords progress.schema.json uses; returns "path: problem" texts. */
  function check(value, schema) {
    var errors = [];
    function resolve(ref) {
      return ref.replace(/^#\//, "").split("/").reduce(function (node, part) { return node && node[part]; }, schema);
    }
    function typeOk(v, type) {
      if (type === "object") return isObject(v);
      if (type === "array") return Array.isArray(v);
      if (type === "integer") return typeof v === "number" && Math.floor(v) === v && isFinite(v);
      if (type === "number") return typeof v === "number" && isFinite(v);
      if (type === "null") return v === null;
      return typeof v === type;
    }
    function walk(v, s, path) {
      if (!isObject(s)) return;
      if (typeof s.$ref === "string") walk(v, resolve(s.$ref), path);
      if ("const" in s && JSON.stringify(v) !== JSON.stringify(s.const)) errors.push(path + ": should be " + JSON.stringify(s.const));
      if (Array.isArray(s.enum) && !s.enum.some(function (e) { return JSON.stringify(e) === JSON.stringify(v); })) errors.push(path + ": not one of the allowed values");
      if (s.type !== undefined && ![].concat(s.type).some(function (t) { return typeOk(v, t); })) {
        errors.push(path + ": should be " + [].concat(s.type).join(" or "));
        return;
      }
      if (typeof v === "string") {
        if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(v)) errors.push(path + ": does not match " + s.pattern);
        if (typeof s.maxLength === "number" && Array.from(v).length > s.maxLength) errors.push(path + ": too long");
      }
      if (typeof v === "number") {
        if (typeof s.minimum === "number" && v < s.minimum) errors.push(path + ": below " + s.minimum);
        if (typeof s.maximum === "number" && v > s.maximum) errors.push(path + ": above " + s.maximum);
      }
      if (Array.isArray(v) && s.items !== undefined) v.forEach(function (item, i) { walk(item, s.items, path + "/" + i); });
      if (isObject(v)) {
        (s.required || []).forEach(function (k) { if (!Object.prototype.hasOwnProperty.call(v, k)) errors.push(path + ": " + k + " is missing"); });
        var props = isObject(s.properties) ? s.properties : {};
        Object.keys(v).forEach(function (k) {
          if (s.propertyNames !== undefined) walk(k, s.propertyNames, path + "/" + k + " (name)");
          if (Object.prototype.hasOwnProperty.call(props, k)) walk(v[k], props[k], path + "/" + k);
          else if (s.additionalProperties === false) errors.push(path + ": unexpected field " + k);
          else if (isObject(s.additionalProperties)) walk(v[k], s.additionalProperties, path + "/" + k);
        });
      }
    }
    walk(value, schema, "");
    return errors;
  }

  /* A record written before answers were stored by meaning (version 1: positions, a stored
     "right"). Positions are read against this build's bank, and an answer is kept only when
     the bank still agrees with the "right" stored beside it; otherwise the question changed
     since and the answer is dropped. Mistakes go to review, due at once. */
  function migrate(old, lessons, now) {
    var byId = indexOf(lessons);
    var record = empty();
    var stamp = now.toISOString();
    var time = function (x) { return typeof x === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(x) ? x : stamp; };
    var questions = isObject(old.questions) ? old.questions : {};
    Object.keys(questions).forEach(function (id) {
      var e = questions[id], q = byId[id];
      if (!q || !isObject(e) || e.answered !== true) return;
      var choice = Array.isArray(e.choice) ? e.choice : [];
      if (choice.length) {
        var ids = choice.map(function (n) { return q.items[n]; });
        if (ids.some(function (x) { return typeof x !== "string"; })) return;
        if (isRight(q, ids) !== (e.right === true)) return;
        record.answers[id] = { key: q.key, choice: q.type === "ordering" ? ids : ids.sort(), at: time(e.at) };
      } else if (e.right !== true) {
        record.answers[id] = { key: q.key, choice: null, revealed: true, at: time(e.at) };
      }
      if (e.missed === true && !((e.reviewRight || 0) >= 2)) record.review[id] = { key: q.key, box: 0, due: dayOf(now), at: time(e.at) };
    });
    ["final", "finalPassed"].forEach(function (part) {
      var f = old[part];
      if (!isObject(f) || typeof f.score !== "number" || typeof f.total !== "number" || f.total < 1 || typeof f.date !== "string") return;
      var at = /^\d{4}-\d\d-\d\d$/.test(f.date) ? f.date + "T00:00:00Z" : stamp;
      if (record.finals.some(function (x) { return x.at === at && x.right === f.score; })) return;
      record.finals.push({ at: at, right: Math.round(f.score), total: Math.round(f.total), passed: f.passed === true, lang: String(f.lang || "").slice(0, 10) });
    });
    if (isObject(old.last) && typeof old.last.page === "string") record.last = { page: old.last.page.slice(0, 300), at: time(old.last.at) };
    return record;
  }

  /* What a stored (or imported) text holds: {state, record, version, problems}. States: "empty"
     (nothing stored), "ok", "migrated" (version 1, read), "other" (another version: not
     understood), "damaged" (not JSON, or not the shape the schema describes). */
  function understand(raw, schema, lessons, now) {
    if (raw === null || raw === undefined) return { state: "empty", record: empty() };
    var data;
    try { data = typeof raw === "string" ? JSON.parse(raw) : raw; } catch (e) { return { state: "damaged", problems: ["not JSON"] }; }
    if (!isObject(data)) return { state: "damaged", problems: ["not an object"] };
    if (data.version === 1) return { state: "migrated", record: migrate(data, lessons, now), version: 1 };
    if (data.version !== VERSION) return { state: "other", version: String(data.version) };
    var problems = schema ? check(data, schema) : [];
    if (problems.length) return { state: "damaged", problems: problems };
    return { state: "ok", record: data, version: VERSION };
  }

  /* The newer of two entries; on a tie b, the side being merged in (this page's own change). */
  function newer(a, b) { return !isObject(a) ? b : !isObject(b) ? a : String(b.at || "") >= String(a.at || "") ? b : a; }
  function union(a, b) {
    var seen = {}, out = [];
    (a || []).concat(b || []).forEach(function (x) {
      var id = JSON.stringify([x.at, x.right, x.total]);
      if (!seen[id]) { seen[id] = true; out.push(x); }
    });
    return out.sort(function (x, y) { return x.at < y.at ? -1 : x.at > y.at ? 1 : 0; });
  }
  /* Two records into one: per question and per entry the newer wins (b wins ties), histories
     are joined, resets are kept (what they reset stays gone), unknown fields are kept. */
  function merge(a, b) {
    var out = {};
    [b, a].forEach(function (r) { Object.keys(r).forEach(function (k) { out[k] = r[k]; }); });
    out.version = VERSION;
    var resetAt = later(a.resetAt, b.resetAt);
    if (resetAt) out.resetAt = resetAt; else delete out.resetAt;
    var keep = function (x) { return isObject(x) && (!resetAt || String(x.at) > resetAt); };
    ["answers", "review"].forEach(function (part) {
      out[part] = {};
      var ids = Object.keys(a[part] || {}).concat(Object.keys(b[part] || {}));
      ids.forEach(function (id) { var x = newer((a[part] || {})[id], (b[part] || {})[id]); if (keep(x)) out[part][id] = x; });
    });
    out.quizzes = {};
    Object.keys(a.quizzes || {}).concat(Object.keys(b.quizzes || {})).forEach(function (id) {
      var qa = (a.quizzes || {})[id] || {}, qb = (b.quizzes || {})[id] || {};
      var q = {};
      [qb, qa].forEach(function (r) { Object.keys(r).forEach(function (k) { q[k] = r[k]; }); });
      var rs = later(qa.resetAt, qb.resetAt);
      if (rs) q.resetAt = rs; else delete q.resetAt;
      var firsts = [qa.first, qb.first].filter(keep).sort(function (x, y) { return x.at < y.at ? -1 : 1; });
      if (firsts.length) q.first = firsts[0]; else delete q.first;
      var passes = union(qa.passes, qb.passes).filter(keep);
      if (passes.length) q.passes = passes; else delete q.passes;
      out.quizzes[id] = q;
    });
    out.finals = union(a.finals, b.finals).filter(keep);
    var last = newer(a.last, b.last);
    if (keep(last)) out.last = last; else delete out.last;
    return out;
  }

  /* Answers that a "start again" of their quiz has replaced: dropped from what is written (a
     merge with another tab's older copy would otherwise bring them back into storage). */
  function prune(record, lessons) {
    lessons.forEach(function (l) {
      var since = ((record.quizzes || {})[l.quiz] || {}).resetAt;
      if (!since) return;
      l.questions.forEach(function (q) { var a = record.answers[q.id]; if (a && !(String(a.at) > since)) delete record.answers[q.id]; });
    });
    return record;
  }

  /* The answer to a question that counts now: given under the current key, after any reset. */
  function answerOf(record, question) {
    var a = (record.answers || {})[question.id];
    if (!isObject(a) || a.key !== question.key) return null;
    var quiz = (record.quizzes || {})[question.lesson.quiz] || {};
    var since = later(record.resetAt, quiz.resetAt);
    return since && !(String(a.at) > since) ? null : a;
  }
  function counts(question, answer) { return !!answer && answer.revealed !== true && isRight(question, answer.choice); }
  function percentOf(right, total) { return total ? Math.round(100 * right / total) : 0; }

  /* Everything the course says about one lesson, from the record and this build's bank. */
  function lessonState(record, lesson) {
    var answered = 0, right = 0, last = "";
    lesson.questions.forEach(function (q) {
      var a = answerOf(record, q);
      if (!a) return;
      answered += 1;
      if (counts(q, a)) right += 1;
      if (a.at > last) last = a.at;
    });
    var total = lesson.questions.length;
    var complete = total > 0 && answered === total;
    var passedNow = complete && right / total >= lesson.pass;
    var quiz = (record.quizzes || {})[lesson.quiz] || {};
    var since = record.resetAt || "";
    var passes = (quiz.passes || []).filter(function (p) { return p.quizKey === lesson.version && p.at > since; });
    var best = complete ? percentOf(right, total) : null;
    passes.forEach(function (p) { best = Math.max(best === null ? 0 : best, percentOf(p.right, p.total)); });
    var before = passes.length ? passes[passes.length - 1] : null;
    var first = isObject(quiz.first) && quiz.first.at > since ? quiz.first : null;
    var passed = passedNow || !!before;
    var started = answered > 0 || (record.last && record.last.page === lesson.key && String(record.last.at) > since);
    return {
      lesson: lesson, answered: answered, right: right, total: total, complete: complete,
      percent: complete ? percentOf(right, total) : null, passedNow: passedNow, passedBefore: before, passed: passed,
      best: best, first: first ? percentOf(first.right, first.total) : null, firstAt: first ? first.at : null,
      passedAt: passedNow ? last : before ? before.at : null, last: later(last, before ? before.at : ""),
      status: passed ? "passed" : started ? "in_progress" : "not_started"
    };
  }

  function summary(record, lessons) {
    var states = lessons.map(function (l) { return lessonState(record, l); });
    var passed = states.filter(function (s) { return s.passed; }).length;
    var last = states.reduce(function (m, s) { return later(m, s.last); }, "");
    (record.finals || []).forEach(function (f) { last = later(last, f.at); });
    if (record.last) last = later(last, record.last.at);
    return { states: states, passed: passed, total: lessons.length, percent: percentOf(passed, lessons.length), last: last };
  }

  /* Mistakes under spaced repetition: due now (box 0 or its day has come), later, learned. */
  function reviewOf(record, lessons, today) {
    var byId = indexOf(lessons);
    var due = [], later_ = [];
    Object.keys(record.review || {}).forEach(function (id) {
      var e = record.review[id], q = byId[id];
      if (!q || !isObject(e) || e.key !== q.key || e.learned === true) return;  /* changed or removed question: nothing to review */
      if (record.resetAt && !(e.at > record.resetAt)) return;
      (e.due <= today ? due : later_).push({ id: id, question: q, lesson: q.lesson, due: e.due, box: e.box });
    });
    later_.sort(function (a, b) { return a.due < b.due ? -1 : 1; });
    return { due: due, later: later_, next: later_.length ? later_[0].due : null };
  }
  /* A review entry after an answer. A mistake goes back to box 0, due today; a right answer
     when due moves it up a box (due again after 1, 3, 7 days) and, in the last box, out. A right
     answer before its day changes nothing: the same day never counts twice. */
  function scheduled(entry, question, right, where, now) {
    var today = dayOf(now), at = now.toISOString();
    var valid = isObject(entry) && entry.key === question.key && entry.learned !== true ? entry : null;
    if (!right) return { key: question.key, box: 0, due: today, at: at };
    if (!valid || where !== "review" || valid.due > today) return entry;
    if (valid.box >= INTERVALS.length) return { key: question.key, box: valid.box, due: today, at: at, learned: true };
    return { key: question.key, box: valid.box + 1, due: addDays(today, INTERVALS[valid.box]), at: at };
  }

  /* The final test: the latest passed attempt, and what the certificate still needs. */
  function certificateOf(record, lessons) {
    var since = record.resetAt || "";
    var passedFinals = (record.finals || []).filter(function (f) { return f.passed === true && f.at > since; });
    var final = passedFinals.length ? passedFinals[passedFinals.length - 1] : null;
    var states = lessons.map(function (l) { return lessonState(record, l); });
    var missing = states.filter(function (s) { return !s.passed; });
    var date = final ? states.reduce(function (m, s) { return later(m, s.passedAt || ""); }, final.at) : null;
    return { eligible: !!final && missing.length === 0, final: final, missing: missing, states: states, date: date };
  }

  /* What the learner should do next, from the record: {kind, lesson}. Kinds: "start" (nothing
     done yet: the first lesson), "continue" (the lesson opened last if not passed, else the next
     one not passed after it, else the first not passed), "final" (every lesson passed, no final
     test passed), "certificate" (every lesson and the final test passed). */
  function nextStep(record, lessons) {
    var all = summary(record, lessons);
    var since = record.resetAt || "";
    var lastPage = isObject(record.last) && String(record.last.at) > since ? record.last.page : null;
    var lastIndex = lastPage === null ? -1 : lessons.findIndex(function (l) { return l.key === lastPage; });
    var open = function (s) { return !s.passed; };
    var target = lastIndex !== -1 && open(all.states[lastIndex]) ? lastIndex
      : all.states.findIndex(function (s, i) { return i > lastIndex && open(s); });
    if (target === -1) target = all.states.findIndex(open);
    if (target !== -1) {
      var started = all.passed > 0 || lastIndex !== -1 || all.states.some(function (s) { return s.answered > 0; });
      return { kind: started ? "continue" : "start", lesson: lessons[target], summary: all };
    }
    return { kind: certificateOf(record, lessons).eligible ? "certificate" : "final", lesson: null, summary: all };
  }

  /* ---------- what the trainer's gradebook and the certificate are told ---------- */

  /* A lesson's grade in one word: passed; failed (every question answered, below the pass mark);
     in_progress (some answered); not_started. */
  function grade(state) {
    return state.passed ? "passed" : state.complete ? "failed" : state.status === "in_progress" ? "in_progress" : "not_started";
  }
  /* The questions this learner has got wrong at least once since the last full reset (in a
     self-check, the final test or review), by lesson quiz id: the review entries of questions
     whose key is still current (a changed question's old mistakes no longer say anything). */
  function missedOf(record, lessons) {
    var out = {};
    var byId = indexOf(lessons);
    Object.keys(record.review || {}).forEach(function (id) {
      var e = record.review[id], q = byId[id];
      if (!q || !isObject(e) || e.key !== q.key || (record.resetAt && !(String(e.at) > record.resetAt))) return;
      (out[q.lesson.quiz] = out[q.lesson.quiz] || []).push(id);
    });
    return out;
  }
  /* The final test: the latest passed attempt (what the certificate shows), the latest and the
     first attempt since the last full reset, and how many there were. */
  function finalOf(record) {
    var since = record.resetAt || "";
    var attempts = (record.finals || []).filter(function (f) { return f.at > since; });
    var passed = attempts.filter(function (f) { return f.passed === true; });
    return { attempts: attempts.length, first: attempts[0] || null, last: attempts[attempts.length - 1] || null,
      passed: passed.length ? passed[passed.length - 1] : null };
  }
  /* The certificate's number: a short hash of what the certificate says (name, day, final score,
     course), so the team overview can match a printed certificate to a report. Like the report's
     code it catches mistakes, it is no proof: anyone can compute it. The name counts without
     case and extra spaces; the course is named by a constant, the same in every language. */
  function certificateNumber(name, day, right, total) {
    var who = String(name || "").normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
    var a = fnv1a(["customer-orientation", who, day, right + "/" + total].join("|"));
    return (a.slice(0, 4) + "-" + a.slice(4)).toUpperCase();
  }

  /* ---------- the record as an LMS keeps it (SCORM suspend_data) ---------- */

  /* SCORM 1.2 keeps at most 4,096 characters of suspend_data, and the record as JSON with the
     whole bank answered is many times that (question ids alone are 3,300 characters). So the
     LMS gets a compact text made against this build's course map, "C1~<head>~<lessons>~<finals>":
     - every time is the milliseconds after the time written before it (the first after
       2025-01-01), base 36, "-" when earlier: answers given in a row cost 3 or 4 characters,
       and the round trip is exact;
     - a lesson is "<quiz check><quiz part>:<question>,<question>,..." with its questions in
       the order of the bank; a question is "" (nothing kept) or "<check><answer><R review>",
       the checks being 2 base-36 characters of the FNV-1a of the quiz id, or of question id and
       key: an answer under a key that has changed since (or a question moved) is not matched,
       and reads as unanswered, as it does in the core;
     - an answer is its choice (a bitmask of the options, 5 to a character; for ordering, the
       step positions in order; "_" when the answer was shown), "!" when revealed or else ".",
       then its time;
       a review entry "R<box>[L]<days from its time to its due day>.<time>";
     - the quiz part: "Z<time>" (started again), "F|G<right>.<total>.<time>" (first attempt, G
       when under another version of the quiz), "P<right>.<total>.<time>" (the best and the
       latest pass under this version);
     - finals: "P|F<right>.<total>.<time>.<language>", the last three attempts and the latest
       passed one.
     Only what counts now is written (answers and reviews under the current keys, after the
     resets); what a learner can no longer see (older passes, older final attempts, the ids of a
     final test's mistakes) stays in this device's record only. */
  var CLOCK0 = Date.UTC(2025, 0, 1);
  var COMPACT = "C1";
  function b36(n) { return n < 0 ? "-" + (-n).toString(36) : n.toString(36); }
  function n36(text) { return /^-?[0-9a-z]+$/.test(text) ? parseInt(text, 36) * 1 : NaN; }
  function check2(text) { return ("0" + (parseInt(fnv1a(text), 16) % 1296).toString(36)).slice(-2); }
  function dayNumber(day) { var p = day.split("-").map(Number); return Math.round(Date.UTC(p[0], p[1] - 1, p[2]) / 864e5); }
  function dayFrom(number) { var d = new Date(number * 864e5); return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); }

  function compact(record, lessons) {
    var clock = CLOCK0;
    function time(iso) { var ms = Date.parse(iso); var out = b36(ms - clock); clock = ms; return out; }
    var since = record.resetAt || "";
    var head = "";
    if (record.resetAt) head += "Z" + time(record.resetAt);
    var lastIndex = record.last ? lessons.findIndex(function (l) { return l.key === record.last.page; }) : -1;
    if (lastIndex !== -1 && String(record.last.at) > since) head += "V" + b36(lastIndex) + "." + time(record.last.at);
    var blocks = [];
    lessons.forEach(function (lesson) {
      var quiz = (record.quizzes || {})[lesson.quiz] || {};
      var part = "";
      if (quiz.resetAt) part += "Z" + time(quiz.resetAt);
      if (isObject(quiz.first) && String(quiz.first.at) > since) {
        part += (quiz.first.quizKey === lesson.version ? "F" : "G") + b36(quiz.first.right) + "." + b36(quiz.first.total) + "." + time(quiz.first.at);
      }
      var passes = (quiz.passes || []).filter(function (p) { return p.quizKey === lesson.version && String(p.at) > since; });
      var best = passes.reduce(function (m, p) { return !m || p.right / p.total > m.right / m.total ? p : m; }, null);
      passes.filter(function (p, i) { return p === best || i === passes.length - 1; }).forEach(function (p) {
        part += "P" + b36(p.right) + "." + b36(p.total) + "." + time(p.at);
      });
      var entries = lesson.questions.map(function (q) {
        var a = answerOf(record, q), out = "";
        if (a) {
          var choice = a.choice === null ? "_" : encodeChoice(q, a.choice);
          if (choice !== null) out += choice + (a.revealed === true ? "!" : ".") + time(a.at);
        }
        var r = (record.review || {})[q.id];
        if (isObject(r) && r.key === q.key && String(r.at) > since && typeof r.due === "string") {
          var days = dayNumber(r.due) - dayNumber(dayOf(new Date(r.at)));
          out += "R" + r.box + (r.learned === true ? "L" : "") + b36(days) + "." + time(r.at);
        }
        return out ? check2(q.id + ":" + q.key) + out : "";
      });
      while (entries.length && !entries[entries.length - 1]) entries.pop();
      if (part || entries.length) blocks.push(check2("quiz:" + lesson.quiz) + part + ":" + entries.join(","));
    });
    var finals = (record.finals || []).filter(function (f) { return String(f.at) > since; });
    var passedFinals = finals.filter(function (f) { return f.passed === true; });
    var keep = finals.slice(-3);
    if (passedFinals.length && keep.indexOf(passedFinals[passedFinals.length - 1]) === -1) keep.unshift(passedFinals[passedFinals.length - 1]);
    var finalText = keep.map(function (f) {
      return (f.passed === true ? "P" : "F") + b36(f.right) + "." + b36(f.total) + "." + time(f.at) + "." + String(f.lang || "").replace(/[^A-Za-z-]/g, "").slice(0, 10);
    });
    return [COMPACT, head, blocks.join(";"), finalText.join(",")].join("~");
  }
  /* A choice as text: null when it cannot be written (an option this build does not have). */
  function encodeChoice(q, choice) {
    var positions = choice.map(function (id) { return q.items.indexOf(id); });
    if (!positions.length || positions.some(function (n) { return n < 0; })) return null;
    if (q.type === "ordering") return positions.length === q.items.length ? positions.map(function (n) { return n.toString(36); }).join("") : null;
    var out = "";
    for (var start = 0; start < q.items.length; start += 5) {
      var bits = 0;
      positions.forEach(function (n) { if (n >= start && n < start + 5) bits |= 1 << (n - start); });
      out += bits.toString(36);
    }
    return out;
  }
  function decodeChoice(q, text) {
    var ids = [];
    if (q.type === "ordering") {
      if (text.length !== q.items.length) return null;
      for (var i = 0; i < text.length; i++) { var n = parseInt(text[i], 36); if (!(n < q.items.length) || ids.indexOf(q.items[n]) !== -1) return null; ids.push(q.items[n]); }
      return ids;
    }
    if (text.length !== Math.ceil(q.items.length / 5)) return null;
    for (var c = 0; c < text.length; c++) {
      var bits = parseInt(text[c], 36);
      for (var b = 0; b < 5; b++) if (bits & (1 << b)) { if (!(c * 5 + b < q.items.length)) return null; ids.push(q.items[c * 5 + b]); }
    }
    return ids.length ? ids.sort() : null;
  }

  /* The compact text back into a record of this build; null when it is not such a text (then
     it is never written over). Every entry is read, matched or not, since each time follows the
     one before it. */
  function expand(text, lessons) {
    if (typeof text !== "string") return null;
    var parts = text.split("~");
    if (parts.length !== 4 || parts[0] !== COMPACT) return null;
    var clock = CLOCK0, bad = false;
    function time(t) { var d = n36(t); if (isNaN(d)) { bad = true; return CLOCK0; } clock += d; return new Date(clock).toISOString(); }
    function number(t) { var n = n36(t); if (!(n >= 0)) bad = true; return n; }
    var record = empty();
    var head = /^(?:Z(-?[0-9a-z]+))?(?:V([0-9a-z]+)\.(-?[0-9a-z]+))?$/.exec(parts[1]);
    if (!head) return null;
    if (head[1]) record.resetAt = time(head[1]);
    if (head[2]) { var lastLesson = lessons[number(head[2])]; var lastAt = time(head[3]); if (lastLesson) record.last = { page: lastLesson.key, at: lastAt }; }
    var byCheck = {};
    lessons.forEach(function (l) { byCheck[check2("quiz:" + l.quiz)] = l; });
    (parts[2] ? parts[2].split(";") : []).forEach(function (block) {
      var m = /^([0-9a-z]{2})([ZFGP][^:]*)?:(.*)$/.exec(block);
      if (!m) { bad = true; return; }
      var lesson = byCheck[m[1]] || null;  /* null: a lesson this build does not have, read and left out */
      var quiz = {};
      ((m[2] || "").match(/[ZFGP][^ZFGP]*/g) || []).forEach(function (field) {
        var mark = field[0], v = field.slice(1).split(".");
        if (mark === "Z" && v.length === 1) { quiz.resetAt = time(v[0]); return; }
        if (mark === "Z" || v.length !== 3) { bad = true; return; }
        var result = { at: null, right: number(v[0]), total: number(v[1]), quizKey: lesson && mark !== "G" ? lesson.version : "00000000" };
        result.at = time(v[2]);
        if (mark === "P") (quiz.passes = quiz.passes || []).push(result); else quiz.first = result;
      });
      if (lesson && Object.keys(quiz).length) record.quizzes[lesson.quiz] = quiz;
      m[3].split(",").forEach(function (entry, i) {
        if (!entry) return;
        var e = /^([0-9a-z]{2})(?:([0-9a-z_]+)([.!])(-?[0-9a-z]+))?(?:R([0-3])(L?)(-?[0-9a-z]+)\.(-?[0-9a-z]+))?$/.exec(entry);
        if (!e) { bad = true; return; }
        var answerAt = e[2] ? time(e[4]) : null;
        var reviewAt = e[5] ? time(e[8]) : null;
        var q = lesson && lesson.questions[i];
        if (!q || e[1] !== check2(q.id + ":" + q.key)) return;  /* a question changed or moved since: unanswered */
        if (e[2]) {
          var choice = e[2] === "_" ? null : decodeChoice(q, e[2]);
          if (e[2] !== "_" && choice === null) { bad = true; return; }
          var answerEntry = { key: q.key, choice: choice, at: answerAt };
          if (e[3] === "!" || choice === null) answerEntry.revealed = true;
          record.answers[q.id] = answerEntry;
        }
        if (e[5]) {
          var review = { key: q.key, box: Number(e[5]), due: dayFrom(dayNumber(dayOf(new Date(reviewAt))) + n36(e[7])), at: reviewAt };
          if (e[6]) review.learned = true;
          record.review[q.id] = review;
        }
      });
    });
    (parts[3] ? parts[3].split(",") : []).forEach(function (entry) {
      var f = /^([PF])([0-9a-z]+)\.([0-9a-z]+)\.(-?[0-9a-z]+)\.([A-Za-z-]*)$/.exec(entry);
      if (!f) { bad = true; return; }
      var final = { at: time(f[4]), right: number(f[2]), total: number(f[3]), passed: f[1] === "P" };
      if (f[5]) final.lang = f[5];
      record.finals.push(final);
    });
    return bad ? null : record;
  }

  /* What an LMS is told: the final test's score in percent (the latest passed attempt, else the
     latest attempt), whether the final test is passed or failed, and whether the course is
     complete by its own rules (every lesson and the final test passed: the certificate's). */
  function lmsReport(record, lessons) {
    var cert = certificateOf(record, lessons);
    var since = record.resetAt || "";
    var finals = (record.finals || []).filter(function (f) { return String(f.at) > since; });
    var latest = finals.length ? finals[finals.length - 1] : null;
    var shown = cert.final || latest;
    return {
      score: shown ? percentOf(shown.right, shown.total) : null,
      success: cert.final ? "passed" : latest ? "failed" : null,
      complete: cert.eligible,
      passedLessons: cert.states.filter(function (s) { return s.passed; }).length,
      lessons: lessons.length
    };
  }

  /* ---------- the record of this page ---------- */

  /* This language's labels, course map and record schema come from assets/course-data-<lang>.js
     (hooks/course_map.py), a classic script loaded just before this one that sets
     window.courseData: one file per language that the browser caches, where inline JSON would
     weigh on every page (and fetch() would not work from file://). Inline JSON blocks with the
     same content are still read when there is no such file (tests on a blank page). */
  function json(id) { var n = document.getElementById(id); if (!n) return null; try { return JSON.parse(n.textContent); } catch (e) { return null; } }
  var data = isObject(window.courseData) ? window.courseData : {};
  var labels = data.labels || json("course-labels") || {};
  var schema = data.schema || json("course-record-schema");
  var base = null;  /* the language's root, relative to this page (Material's __config.base) */
  function relativeBase() {
    if (base === null) {
      try { base = String(JSON.parse(document.getElementById("__config").textContent).base).replace(/\/?$/, "/"); }
      catch (e) { base = "/"; }
    }
    return base;
  }
  function languageRootURL() { return new URL(relativeBase(), location.href).href; }
  /* Links to the course's pages, made from their keys (the same on every page of a language),
     relative to this page as MkDocs writes its own links. */
  function href(key) { return relativeBase() === "./" && key ? key : relativeBase() + key; }
  var lessons = lessonsOf((data.map || json("course-map") || []).map(function (l) {
    return l.href ? l : Object.assign({}, l, { href: href(l.key) });
  }));
  var pages = {};
  Object.keys(data.pages || {}).forEach(function (name) { pages[name] = href(data.pages[name]); });
  var byId = indexOf(lessons);

  function t(key, values) {
    var text = labels[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function languageRoot() { return new URL(languageRootURL()).pathname; }
  /* A date (an ISO time or a calendar day) the way the page's language writes it (English as
     the course writes it: British, "2 December 2026"), in one piece:
     the spaces inside it are non-breaking, so it never wraps mid-date. */
  var dateFormat = null;
  function date(iso) {
    if (typeof iso !== "string" || !iso) return "";
    var d = /^\d{4}-\d\d-\d\d$/.test(iso) ? new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) : new Date(iso);
    if (isNaN(d.getTime())) return iso;
    try { dateFormat = dateFormat || new Intl.DateTimeFormat(({ en: "en-GB" })[document.documentElement.lang] || document.documentElement.lang || undefined, { day: "numeric", month: "long", year: "numeric" }); }
    catch (e) { return dayOf(d); }
    return dateFormat.format(d).replace(/[\s\u202f]/g, "\u00a0");
  }

  /* mode: "ok"; "blocked" (storage cannot be read); "unsaved" (a write failed: refused or
     full); "other" or "damaged" (stored data not understood: never written over). */
  /* Inside an LMS the course runs in the frame of the package's launch page (scorm.html), which
     holds the one SCORM session of the visit (docs/assets/lms.js); this page finds it among its
     parent frames. The record is then kept by the LMS (suspend_data, in the compact form above)
     and, as before, on this device, under a key of this learner's own (one LMS may serve several
     people on one computer). Without it (the published site, the offline zip) nothing changes. */
  function findSession() {
    var w = window;
    for (var i = 0; i < 10 && w.parent && w.parent !== w; i++) {
      w = w.parent;
      try { if (w.courseLmsSession) return w.courseLmsSession; } catch (e) { return null; }  /* another origin: not ours */
    }
    return null;
  }
  var session = findSession();
  if (session) {
    KEY = KEY + "@lms:" + session.learnerKey;
    document.documentElement.classList.add("course-lms");
  }

  /* lms: null without an LMS; "ok" (the LMS took the latest change), "failed" (it refused or
     could not commit: kept on this device, sent again with the next change), "other" (what the
     LMS holds is not a record this page understands: never written over). */
  var state = { record: empty(), mode: "ok", version: null, lms: session ? "ok" : null };
  var listeners = [];

  function readStored() {
    var raw;
    try { raw = window.localStorage.getItem(KEY); } catch (e) { return { state: "blocked" }; }
    return understand(raw, schema, lessons, new Date());
  }
  function load() {
    var u = readStored();
    if (u.state === "blocked") state.mode = "blocked";
    else if (u.state === "other" || u.state === "damaged") { state.mode = u.state; state.version = u.version || null; }
    else state.record = u.record;
    if (!session) return;
    var held = session.data();
    if (!held) return;
    var fromLms = understand(expand(held, lessons), schema, lessons, new Date());
    if (fromLms.state !== "ok") { state.lms = "other"; return; }
    state.record = prune(merge(fromLms.record, state.record), lessons);  /* this device's copy wins ties */
  }
  /* The record to the LMS: suspend_data, then score and status (lms.js sets only what changed and
     commits). True only when the LMS took it. */
  function toLms() {
    if (!session || state.lms === "other") return false;
    var ok = false;
    try { ok = session.store(compact(state.record, lessons), lmsReport(state.record, lessons)) === true; } catch (e) { ok = false; }
    state.lms = ok ? "ok" : "failed";
    return ok;
  }

  /* Write the page's record: re-read, merge, write. True only when it was written. */
  function persist(force) {
    if (!force && (state.mode === "other" || state.mode === "damaged" || state.mode === "blocked")) return false;
    var u = force ? { state: "empty", record: empty() } : readStored();
    if (u.state === "blocked") { state.mode = "blocked"; return false; }
    if (u.state === "other" || u.state === "damaged") { state.mode = u.state; state.version = u.version || null; return false; }
    var merged = force ? state.record : prune(merge(u.record, state.record), lessons);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(merged));
    } catch (e) {
      state.mode = "unsaved";
      return false;
    }
    state.record = merged;
    state.mode = "ok";
    return true;
  }
  function notify(source) {
    showNotice();
    listeners.forEach(function (fn) { try { fn(state.record, source); } catch (e) { setTimeout(function () { throw e; }); } });
  }
  /* Change the record (mutate is given a copy); returns whether the change was stored. */
  function change(mutate) {
    var working = clone(state.record);
    mutate(working);
    state.record = working;
    var saved = persist(false);
    if (session) saved = toLms() || saved;
    notify("local");
    return saved;
  }

  function showNotice() {
    document.querySelectorAll("[data-course-notice]").forEach(function (box) {
      var key = { blocked: "notice_blocked", unsaved: "notice_unsaved", other: "notice_other", damaged: "notice_damaged" }[state.mode];
      if (state.lms === "ok") key = null;  /* the LMS keeps the record: this device's storage does not matter */
      else if (state.lms) key = state.lms === "other" ? "notice_lms_other" : state.mode === "ok" ? "notice_lms_unsaved" : "notice_lms_lost";
      box.hidden = !key;
      box.textContent = "";
      if (!key) return;
      var p = document.createElement("p");
      p.textContent = "⚠ " + t(key, { version: state.version || "?" });
      box.appendChild(p);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = t("notice_export");
      button.addEventListener("click", exportFile);
      box.appendChild(button);
    });
  }

  window.addEventListener("storage", function (event) {
    if (event.key !== KEY && event.key !== null) return;
    if (state.mode === "blocked") return;
    var u = understand(event.key === null ? null : event.newValue, schema, lessons, new Date());
    if (u.state === "other" || u.state === "damaged") { state.mode = u.state; state.version = u.version || null; }
    else {
      state.record = u.state === "empty" ? empty() : merge(u.record, state.record);  /* emptied there: emptied here */
      if (state.mode !== "unsaved") state.mode = "ok";
    }
    notify("storage");
  });

  /* The record of this page (with the checklists' ticks, docs/assets/course.js) as a file to
     download: the way to keep or move progress, and the way out when storage fails. */
  function exportFile() {
    var exported = new Date().toISOString();
    var checklists = null;
    try { checklists = JSON.parse(window.localStorage.getItem("course-checklists-v1")); } catch (e) { checklists = null; }
    var file = { format: "course-progress", version: VERSION, exported: exported, progress: state.record, checklists: checklists };
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
    link.download = "course-progress-" + exported.slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  /* ---------- what the feature scripts ask ---------- */

  function question(id) { return byId[id] || null; }
  function lessonByQuiz(id) { return lessons.filter(function (l) { return l.quiz === id; })[0] || null; }

  /* An answer in a lesson's self-check ("lesson"), the final test ("final") or review
     ("review"); choice null means the answer was shown. Returns what was recorded. */
  function answer(id, choice, where) {
    var q = question(id);
    if (!q) return { saved: false, right: false };
    var now = new Date();
    var right = choice !== null && isRight(q, choice);
    var result = { right: right, counted: right };
    result.saved = change(function (r) {
      if (where === "lesson") {
        var before = answerOf(r, q);
        var revealed = choice === null || (!!before && before.revealed === true);
        var entry = { key: q.key, choice: choice === null ? null : (q.type === "ordering" ? choice.slice() : choice.slice().sort()), at: now.toISOString() };
        if (revealed) entry.revealed = true;
        r.answers[id] = entry;
        result.counted = right && !revealed;
        result.entry = entry;
        var s = lessonState(r, q.lesson);
        var quiz = r.quizzes[q.lesson.quiz] = r.quizzes[q.lesson.quiz] || {};
        if (s.complete && !(isObject(quiz.first) && quiz.first.at > (r.resetAt || ""))) {
          quiz.first = { at: entry.at, right: s.right, total: s.total, quizKey: q.lesson.version };
        }
      }
      var before_ = r.review[id];
      var next = scheduled(before_, q, result.counted, where, now);
      if (next) r.review[id] = next;
      result.review = next && !next.learned && next.key === q.key ? next : null;
      result.learned = !!(next && next.learned && next !== before_);
      result.moved = next !== before_ && right;
    });
    return result;
  }
  /* Start a lesson's self-check again: its answers go, a pass goes into history. */
  function resetQuiz(quizId) {
    var lesson = lessonByQuiz(quizId);
    if (!lesson) return false;
    return change(function (r) {
      var s = lessonState(r, lesson);
      var now = new Date().toISOString();
      var quiz = r.quizzes[quizId] = r.quizzes[quizId] || {};
      if (s.passedNow) (quiz.passes = quiz.passes || []).push({ at: now, right: s.right, total: s.total, quizKey: lesson.version });
      quiz.resetAt = now;
      lesson.questions.forEach(function (q) { delete r.answers[q.id]; });
    });
  }
  function finishFinal(attempt) {
    return change(function (r) { r.finals.push(attempt); });
  }
  function visit(pageKey) {
    if (state.mode !== "ok") return false;
    return change(function (r) { r.last = { page: pageKey, at: new Date().toISOString() }; });
  }
  /* Merge an imported record; "other"/"damaged" stored data is not written over. */
  function importRecord(record) {
    if (state.mode === "other" || state.mode === "damaged") return false;
    return change(function (r) { var m = merge(r, record); Object.keys(r).forEach(function (k) { delete r[k]; }); Object.keys(m).forEach(function (k) { r[k] = m[k]; }); });
  }
  /* Reset all: the one write that replaces what is stored, whatever it was (asked for and confirmed). */
  function resetAll() {
    var before = state.record;
    state.record = empty();
    state.record.resetAt = new Date().toISOString();
    var saved = persist(true);
    if (session) saved = toLms() || saved;
    if (!saved) state.record = before;
    notify("local");
    return saved;
  }

  window.courseCore = {
    KEY: KEY, VERSION: VERSION, INTERVALS: INTERVALS,
    pure: { fnv1a: fnv1a, choiceKey: choiceKey, isRight: isRight, dayOf: dayOf, addDays: addDays, empty: empty, lessonsOf: lessonsOf,
      check: check, migrate: migrate, understand: understand, merge: merge, prune: prune, answerOf: answerOf, lessonState: lessonState,
      summary: summary, reviewOf: reviewOf, scheduled: scheduled, certificateOf: certificateOf, nextStep: nextStep,
      grade: grade, missedOf: missedOf, finalOf: finalOf, certificateNumber: certificateNumber,
      compact: compact, expand: expand, lmsReport: lmsReport },
    t: t, isObject: isObject, languageRoot: languageRoot, href: href, pages: pages, date: date, lessons: lessons, schema: schema, question: question, lessonByQuiz: lessonByQuiz,
    record: function () { return state.record; },
    mode: function () { return state.mode; },
    saving: function () { return state.lms === "ok" || state.mode === "ok"; },
    /* The LMS's side, for the scripts that show what it does itself: null without an LMS. */
    lms: function () { return session ? { state: state.lms, learnerName: session.learnerName || "" } : null; },
    subscribe: function (fn) { listeners.push(fn); },
    answerOf: function (id) { var q = question(id); return q ? answerOf(state.record, q) : null; },
    lessonState: function (lesson) { return lessonState(state.record, lesson); },
    summary: function () { return summary(state.record, lessons); },
    review: function () { return reviewOf(state.record, lessons, dayOf(new Date())); },
    certificate: function () { return certificateOf(state.record, lessons); },
    next: function () { return nextStep(state.record, lessons); },
    grade: grade, certificateNumber: certificateNumber,
    missed: function () { return missedOf(state.record, lessons); },
    final: function () { return finalOf(state.record); },
    understand: function (raw) { return understand(raw, schema, lessons, new Date()); },
    exportFile: exportFile, answer: answer, resetQuiz: resetQuiz, finishFinal: finishFinal, visit: visit, importRecord: importRecord, resetAll: resetAll
  };

  load();
  if (session && state.lms !== "other") toLms();  /* what this device kept while the LMS refused goes now */
  showNotice();
})();
