/*
 * The learner's overview, from this browser's storage only: the course path on the home page
 * (status of every lesson, "continue where you left off") and My progress (status, score,
 * overall share, last activity; export to a file, import from one, reset). Lessons come from
 * the #course-map JSON (hooks/course_map.py); progress from docs/assets/quiz.js's store.
 */
(function () {
  "use strict";
  var store = window.courseProgress;
  var mapNode = document.getElementById("course-map");
  if (!store || !mapNode) return;
  var lessons = JSON.parse(mapNode.textContent);
  var t = store.t;
  var isObject = store.isObject;
  function day(iso) { return typeof iso === "string" ? iso.slice(0, 10) : ""; }

  /* A lesson's state: not started, in progress, or passed (with its score). */
  function stateOf(lesson, data) {
    var answered = 0, right = 0, last = "";
    lesson.questions.forEach(function (id) {
      var q = data.questions[id];
      if (q && q.answered === true) {
        answered += 1;
        if (q.right === true) right += 1;
        if (typeof q.at === "string" && q.at > last) last = q.at;
      }
    });
    var quiz = data.quizzes[lesson.quiz];
    var total = lesson.questions.length;
    var score = answered === total ? Math.round(100 * right / total) : null;
    var passed = !!(quiz && quiz.passed === true);
    var status = passed ? "passed" : answered > 0 || (data.last && data.last.page === lesson.key) ? "in_progress" : "not_started";
    return { status: status, score: passed && quiz.total ? Math.round(100 * quiz.score / quiz.total) : score, answered: answered, total: total, last: last };
  }
  function statusText(state) {
    if (state.status === "passed") return "✓ " + t("status_passed", { score: state.score });
    if (state.status === "in_progress") return "◐ " + t("status_in_progress", { answered: state.answered, total: state.total });
    return "○ " + t("status_not_started");
  }
  function summary(data) {
    var states = lessons.map(function (l) { return stateOf(l, data); });
    var passed = states.filter(function (s) { return s.status === "passed"; }).length;
    var last = states.reduce(function (m, s) { return s.last > m ? s.last : m; }, data.last && data.last.at || "");
    return { states: states, passed: passed, percent: Math.round(100 * passed / lessons.length), last: last };
  }

  function render() {
    var data = store.read();
    var all = summary(data);
    document.querySelectorAll("[data-key]").forEach(function (row) {
      var i = lessons.findIndex(function (l) { return l.key === row.dataset.key; });
      if (i === -1) return;
      var state = all.states[i];
      var status = row.querySelector("[data-status]");
      if (status) status.textContent = statusText(state);
      var score = row.querySelector("[data-score]");
      if (score) score.textContent = state.score === null ? "—" : state.score + "%";
      row.dataset.state = state.status;
    });
    document.querySelectorAll("[data-overall]").forEach(function (el) {
      el.textContent = t("overall", { passed: all.passed, total: lessons.length, percent: all.percent });
    });
    document.querySelectorAll("[data-last]").forEach(function (el) {
      el.textContent = t("last_activity", { date: all.last ? day(all.last) : t("never") });
    });
    var next = document.querySelector("[data-continue]");
    if (next) {
      var lastIndex = data.last ? lessons.findIndex(function (l) { return l.key === data.last.page; }) : -1;
      var target = lastIndex !== -1 && all.states[lastIndex].status !== "passed" ? lastIndex
        : all.states.findIndex(function (s, i) { return i > lastIndex && s.status !== "passed"; });
      if (target === -1) target = all.states.findIndex(function (s) { return s.status !== "passed"; });
      if (target !== -1) {
        next.href = lessons[target].href;
        next.textContent = (all.passed || lastIndex !== -1 ? t("path_continue") : t("path_start")) + ": " + lessons[target].title;
      } else {
        next.hidden = true;
      }
    }
  }

  /* Export, import, reset (My progress). */
  var tool = document.querySelector("[data-my-progress]");
  function say(text) { var m = tool.querySelector("[data-message]"); m.textContent = text; }
  function readJSON(key) { try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; } }
  function newer(a, b, field) { return !isObject(a) ? b : !isObject(b) ? a : String(b[field] || "") > String(a[field] || "") ? b : a; }

  /* Merge an imported progress into this one, question by question and quiz by quiz: the newer
     answer wins, a pass is never lost; what is not a well-formed entry is left out. */
  function merge(mine, theirs) {
    Object.keys(isObject(theirs.questions) ? theirs.questions : {}).forEach(function (id) {
      var q = theirs.questions[id];
      if (isObject(q) && typeof q.answered === "boolean") mine.questions[id] = newer(mine.questions[id], q, "at");
    });
    Object.keys(isObject(theirs.quizzes) ? theirs.quizzes : {}).forEach(function (id) {
      var q = theirs.quizzes[id];
      if (!isObject(q) || typeof q.passed !== "boolean") return;
      var kept = newer(mine.quizzes[id], q, "date");
      var other = kept === q ? mine.quizzes[id] : q;
      mine.quizzes[id] = isObject(other) && other.passed === true && kept.passed !== true ? other : kept;
    });
    if (isObject(theirs.last) && typeof theirs.last.page === "string") mine.last = newer(mine.last, theirs.last, "at");
    ["final", "finalPassed"].forEach(function (part) {
      if (isObject(theirs[part]) && typeof theirs[part].percent === "number") mine[part] = newer(mine[part], theirs[part], "date");
    });
    return mine;
  }

  if (tool) {
    tool.querySelector("[data-action=export]").addEventListener("click", function () {
      var file = { format: "course-progress", version: 1, exported: new Date().toISOString(),
        progress: store.read(), checklists: readJSON("course-checklists-v1") };
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
      link.download = "course-progress-" + day(file.exported) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      say(t("export_done"));
    });
    var input = tool.querySelector("[data-import-file]");
    tool.querySelector("[data-action=import]").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var theirs = null;
        try { theirs = JSON.parse(reader.result); } catch (e) { theirs = null; }
        if (!isObject(theirs) || theirs.format !== "course-progress" || !isObject(theirs.progress)) {
          say("✗ " + t("import_error"));
        } else {
          store.write(merge(store.read(), theirs.progress));
          if (isObject(theirs.checklists) && isObject(theirs.checklists.pages)) {
            var lists = readJSON("course-checklists-v1");
            lists = isObject(lists) && isObject(lists.pages) ? lists : { version: 1, pages: {} };
            Object.keys(theirs.checklists.pages).forEach(function (page) {
              var ticks = theirs.checklists.pages[page];
              if (Array.isArray(ticks)) lists.pages[page] = ticks.filter(function (n) { return typeof n === "number"; });
            });
            try { window.localStorage.setItem("course-checklists-v1", JSON.stringify(lists)); } catch (e) { /* unavailable */ }
          }
          render();
          store.markNavigation(store.read());
          say("✓ " + t("import_done"));
        }
        input.value = "";
      };
      reader.readAsText(file);
    });
    tool.querySelector("[data-action=reset-all]").addEventListener("click", function () {
      if (!window.confirm(t("reset_all_confirm"))) return;
      store.write({ version: 1, questions: {}, quizzes: {} });
      render();
      store.markNavigation(store.read());
      say(t("reset_all_done"));
    });
  }
  render();
})();
