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
  function statusText(state, withScore) {
    if (state.status === "passed") return "✓ " + (withScore ? t("status_passed", { score: state.best }) : t("nav_passed"));
    if (state.status === "in_progress") return "◐ " + t("status_in_progress", { answered: state.answered, total: state.total });
    return "○ " + t("status_not_started");
  }
  function scoreText(state) {
    if (state.best === null) return state.first === null ? "—" : t("score_first_only", { first: state.first });
    return state.first === null ? state.best + "%" : t("score_best_first", { best: state.best, first: state.first });
  }

  /* The menus (the phone's drawer and the desktop's sidebar are the same primary navigation): a
     tick, in words too, beside every page whose lesson is passed; never on the page's headings
     (the table of contents). The page being read shows in that menu as a label that opens its
     contents on phones and as a link on desktops: each gets the tick, one shows at a time. */
  function markNavigation(all) {
    var passed = {};
    all.states.forEach(function (s) { if (s.passed) passed[new URL(s.lesson.href, location.href).href.split("#")[0]] = true; });
    var here = location.href.split("#")[0];
    document.querySelectorAll(".md-nav--primary .md-nav__link").forEach(function (link) {
      if (link.closest(".md-nav--secondary")) return;
      var target = link.tagName === "A" ? link.getAttribute("href") : link.classList.contains("md-nav__link--active") && link.getAttribute("for") === "__toc" ? "" : null;
      if (target === null || target.indexOf("#") !== -1) return;
      var url = new URL(target, location.href).href.split("#")[0];
      var tick = link.querySelector(".course-passed");
      if (passed[url] || (target === "" && passed[here])) {
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
    var all = core.summary();
    markNavigation(all);
    document.querySelectorAll("[data-course-path] [data-key], [data-my-progress] [data-key]").forEach(function (row) {
      var i = lessons.findIndex(function (l) { return l.key === row.dataset.key; });
      if (i === -1) return;
      var state = all.states[i];
      var status = row.querySelector("[data-status]");
      if (status) status.textContent = statusText(state, !row.querySelector("[data-score]"));
      var score = row.querySelector("[data-score]");
      if (score) score.textContent = scoreText(state);
      row.dataset.state = state.status;
    });
    document.querySelectorAll("[data-overall]").forEach(function (el) {
      el.textContent = t("overall", { passed: all.passed, total: all.total, percent: all.percent });
    });
    document.querySelectorAll("[data-last]").forEach(function (el) {
      el.textContent = t("last_activity", { date: all.last ? core.date(all.last) : t("never") });
    });
    renderHome();
  }

  /* The home page: the ring, the count and the one button, all from the core's next(). */
  function renderHome() {
    var home = document.querySelector("[data-course-home]");
    var path = document.querySelector("[data-course-path]");
    if (!home && !path) return;
    var next = core.next();
    var all = next.summary;
    if (home) {
      var ring = home.querySelector("[data-home-ring]");
      if (ring) ring.setAttribute("stroke-dasharray", all.percent + " 100");
      var ratio = home.querySelector("[data-home-ratio]");
      if (ratio) ratio.textContent = all.passed + "/" + all.total;
      home.dataset.next = next.kind;
      var button = home.querySelector("[data-home-next]");
      if (next.lesson) {
        var name = t("lesson_" + next.lesson.kind, { n: next.lesson.n });
        button.href = next.lesson.href;
        button.textContent = t(next.kind === "start" ? "home_start" : "home_continue", { lesson: name, minutes: next.lesson.minutes || "—" });
      } else {
        button.href = core.pages[next.kind] || button.href;
        button.textContent = t(next.kind === "final" ? "home_final" : "home_certificate");
      }
    }
    if (path) {
      path.querySelectorAll("[data-key]").forEach(function (row) {
        var mark = row.querySelector("[data-next-mark]");
        var isNext = !!next.lesson && row.dataset.key === next.lesson.key;
        row.classList.toggle("is-next", isNext);
        if (mark) mark.hidden = !isNext;
      });
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
