/*
 * The learner's overview, all of it asked from the progress core (course-core.js): a tick in the
 * navigation beside every passed lesson; the course path on the home page (status of every
 * lesson, "continue where you left off"); My progress (status, best and first-attempt score,
 * overall share, last activity; export to a file, import from one, reset). Everything is drawn
 * again when another tab changes the record.
 */
(function () {
  "use strict";
  var core = window.courseCore;
  if (!core) return;
  var t = core.t;
  var isObject = core.isObject;
  var lessons = core.lessons;
  var CHECKLISTS = "course-checklists-v1";  /* docs/assets/course.js's ticks, carried in the export */
  function day(iso) { return typeof iso === "string" ? iso.slice(0, 10) : ""; }

  function statusText(state) {
    if (state.status === "passed") return "✓ " + t("status_passed", { score: state.best });
    if (state.status === "in_progress") return "◐ " + t("status_in_progress", { answered: state.answered, total: state.total });
    return "○ " + t("status_not_started");
  }
  function scoreText(state) {
    if (state.best === null) return state.first === null ? "—" : t("score_first_only", { first: state.first });
    return state.first === null ? state.best + "%" : t("score_best_first", { best: state.best, first: state.first });
  }

  /* The navigation: a tick, in words too, beside every page whose lesson is passed. */
  function markNavigation(all) {
    var root = core.languageRoot();
    var passed = {};
    all.states.forEach(function (s) { if (s.passed) passed[s.lesson.key] = true; });
    document.querySelectorAll(".md-nav__link[href]").forEach(function (link) {
      var path = new URL(link.getAttribute("href"), location.href).pathname;
      var key = path.indexOf(root) === 0 ? path.slice(root.length) : null;
      var tick = link.querySelector(".course-passed");
      if (key !== null && passed[key]) {
        if (!tick) {
          tick = document.createElement("span");
          tick.className = "course-passed";
          tick.innerHTML = '<span aria-hidden="true">✓</span><span class="quiz-sr"></span>';
          tick.lastChild.textContent = " (" + t("nav_passed") + ")";
          link.appendChild(tick);
        }
      } else if (tick) {
        tick.remove();
      }
    });
  }

  function render() {
    var record = core.record();
    var all = core.summary();
    markNavigation(all);
    document.querySelectorAll("[data-course-path] [data-key], [data-my-progress] [data-key]").forEach(function (row) {
      var i = lessons.findIndex(function (l) { return l.key === row.dataset.key; });
      if (i === -1) return;
      var state = all.states[i];
      var status = row.querySelector("[data-status]");
      if (status) status.textContent = statusText(state);
      var score = row.querySelector("[data-score]");
      if (score) score.textContent = scoreText(state);
      row.dataset.state = state.status;
    });
    document.querySelectorAll("[data-overall]").forEach(function (el) {
      el.textContent = t("overall", { passed: all.passed, total: all.total, percent: all.percent });
    });
    document.querySelectorAll("[data-last]").forEach(function (el) {
      el.textContent = t("last_activity", { date: all.last ? day(all.last) : t("never") });
    });
    var next = document.querySelector("[data-continue]");
    if (next) {
      var lastIndex = record.last ? lessons.findIndex(function (l) { return l.key === record.last.page; }) : -1;
      var target = lastIndex !== -1 && all.states[lastIndex].status !== "passed" ? lastIndex
        : all.states.findIndex(function (s, i) { return i > lastIndex && s.status !== "passed"; });
      if (target === -1) target = all.states.findIndex(function (s) { return s.status !== "passed"; });
      if (target !== -1) {
        next.hidden = false;
        next.href = lessons[target].href;
        next.textContent = (all.passed || lastIndex !== -1 ? t("path_continue") : t("path_start")) + ": " + lessons[target].title;
      } else {
        next.hidden = true;
      }
    }
  }

  /* Export, import, reset (My progress). */
  var tool = document.querySelector("[data-my-progress]");
  function say(text) { tool.querySelector("[data-message]").textContent = text; }
  function readChecklists() { try { return JSON.parse(window.localStorage.getItem(CHECKLISTS)); } catch (e) { return null; } }
  function hasContent(record) {
    return Object.keys(record.answers).length > 0 || Object.keys(record.review).length > 0 || record.finals.length > 0 ||
      Object.keys(record.quizzes).some(function (id) { var q = record.quizzes[id]; return q.first || (q.passes && q.passes.length); });
  }
  /* The checklists' ticks from a file, merged into this browser's (false when not written). */
  function importChecklists(theirs) {
    if (!isObject(theirs) || !isObject(theirs.pages)) return true;
    var lists = readChecklists();
    lists = isObject(lists) && isObject(lists.pages) ? lists : { version: 1, pages: {} };
    Object.keys(theirs.pages).forEach(function (page) {
      var ticks = theirs.pages[page];
      if (Array.isArray(ticks)) lists.pages[page] = ticks.filter(function (n) { return typeof n === "number"; });
    });
    try { window.localStorage.setItem(CHECKLISTS, JSON.stringify(lists)); return true; } catch (e) { return false; }
  }
  function importFile(text) {
    var file = null;
    try { file = JSON.parse(text); } catch (e) { file = null; }
    if (!isObject(file) || file.format !== "course-progress" || !isObject(file.progress)) return "✗ " + t("import_error");
    var read = core.understand(file.progress);
    if (read.state === "other") return "✗ " + t("import_other", { version: read.version });
    if (read.state !== "ok" && read.state !== "migrated") {
      return "✗ " + t("import_damaged", { problem: (read.problems || []).slice(0, 3).join("; ") });
    }
    var checklists = isObject(file.checklists) && isObject(file.checklists.pages) && Object.keys(file.checklists.pages).length > 0;
    if (!hasContent(read.record) && !checklists) return "✗ " + t("import_empty");
    if (core.mode() === "other" || core.mode() === "damaged") return "✗ " + t("import_refused");
    var saved = core.importRecord(read.record);
    saved = importChecklists(file.checklists) && saved;
    return saved ? "✓ " + t("import_done") : "✗ " + t("import_not_saved");
  }

  if (tool) {
    tool.querySelector("[data-action=export]").addEventListener("click", function () {
      core.exportFile();
      say(t("export_done"));
    });
    var input = tool.querySelector("[data-import-file]");
    tool.querySelector("[data-action=import]").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        say(importFile(reader.result));
        render();
        input.value = "";
      };
      reader.onerror = function () { say("✗ " + t("import_error")); input.value = ""; };
      reader.readAsText(file);
    });
    tool.querySelector("[data-action=reset-all]").addEventListener("click", function () {
      if (!window.confirm(t("reset_all_confirm"))) return;
      var saved = core.resetAll();
      render();
      say(saved ? t("reset_all_done") : "✗ " + t("reset_all_not_saved"));
    });
  }
  core.subscribe(render);
  render();
})();
