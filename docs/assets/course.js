/*
 * Lessons: a thin bar at the top of the window fills as the page is read.
 * On every page: glossary terms (abbreviations made by hooks/glossary.py) can take keyboard
 * focus, so their definition shows on focus as well as on hover; the print-only header gets
 * the print date; the answer key's folded quizzes open for printing.
 * Standards pages: their task-list items become checkboxes that stay ticked in this browser
 * (localStorage, one versioned key; ticks follow the learner across languages, since every
 * language has the same items in the same order), with a count and a reset.
 */
(function () {
  "use strict";
  var KEY = "course-checklists-v1";
  var shared = window.courseCore;  /* docs/assets/course-core.js: labels and the language's root */

  document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) { abbr.tabIndex = 0; });
  document.querySelectorAll("[data-print-date]").forEach(function (el) {
    window.addEventListener("beforeprint", function () { el.textContent = new Date().toISOString().slice(0, 10); });
  });
  /* The answer key prints whole: its folded quizzes open for printing (quiz.css does it where
     the browser styles ::details-content) and fold again after. */
  var folds = document.querySelectorAll(".answer-key__fold");
  if (folds.length) {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = Array.prototype.filter.call(folds, function (fold) { return !fold.open; });
      opened.forEach(function (fold) { fold.open = true; });
    });
    window.addEventListener("afterprint", function () { opened.forEach(function (fold) { fold.open = false; }); opened = []; });
    /* a link to one quiz of the key (#key-<quiz>) opens its fold */
    var follow = function () {
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      var fold = target && target.querySelector(".answer-key__fold");
      if (fold) fold.open = true;
    };
    window.addEventListener("hashchange", follow);
    follow();
  }

  /* A lesson's reading bar: how far down the page the reader is (a transform: nothing moves). */
  var reading = document.querySelector("[data-reading]");
  if (reading) {
    var pending = false;
    var draw = function () {
      pending = false;
      var doc = document.documentElement;
      var room = doc.scrollHeight - window.innerHeight;
      reading.style.transform = "scaleX(" + (room > 0 ? Math.min(1, Math.max(0, window.scrollY / room)) : 1) + ")";
    };
    var later = function () { if (!pending) { pending = true; window.requestAnimationFrame(draw); } };
    window.addEventListener("scroll", later, { passive: true });
    /* not now: measuring the page while it loads would lay it out an extra time (a long task on
       a phone); the bar starts empty (course.css) and is drawn once the page has loaded */
    if (document.readyState === "complete") later(); else window.addEventListener("load", later);
  }

  var bar = document.querySelector("[data-checklist]");
  if (!bar) return;
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".md-content .task-list-item > input[type=checkbox], .md-content .task-list-item > label > input[type=checkbox]"));
  var root = shared ? shared.languageRoot() : "/";
  var page = location.pathname.indexOf(root) === 0 ? location.pathname.slice(root.length) : location.pathname;

  function read() {
    try {
      var all = JSON.parse(window.localStorage.getItem(KEY));
      if (all && typeof all === "object" && all.version === 1 && all.pages && typeof all.pages === "object") return all;
    } catch (e) { /* corrupt: start again */ }
    return { version: 1, pages: {} };
  }
  function save() {
    var all = read();
    var ticked = [];
    boxes.forEach(function (box, i) { if (box.checked) ticked.push(i); });
    if (ticked.length) all.pages[page] = ticked; else delete all.pages[page];
    try { window.localStorage.setItem(KEY, JSON.stringify(all)); } catch (e) { /* unavailable: ticks last for this visit */ }
  }
  function count() {
    var n = boxes.filter(function (b) { return b.checked; }).length;
    bar.querySelector(".checklist-bar__count").textContent = shared ? shared.t("checklist_count", { n: n, total: boxes.length }) : n + "/" + boxes.length;
  }

  var saved = read().pages[page];
  boxes.forEach(function (box, i) {
    if (box.parentNode.tagName !== "LABEL") {  /* the build labels simple items (hooks/checklists.py) */
      var item = box.parentNode;
      var label = document.createElement("label");
      while (box.nextSibling) label.appendChild(box.nextSibling);
      label.insertBefore(box, label.firstChild);
      item.appendChild(label);
    }
    box.disabled = false;
    box.checked = Array.isArray(saved) && saved.indexOf(i) !== -1;
    box.addEventListener("change", function () { save(); count(); });
  });
  bar.querySelector("[data-action=reset-checklist]").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    save();
    count();
  });
  count();
})();
