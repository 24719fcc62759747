/*
 * The certificate page: unlocked by a passed final test (progress.finalPassed, written by
 * docs/assets/bank.js); the learner types their name (kept in this browser), and the sheet
 * shows name, date, language, final score and the chapters and cases passed, ready to print.
 */
(function () {
  "use strict";
  var store = window.courseProgress;
  var tool = document.querySelector("[data-certificate]");
  var mapNode = document.getElementById("course-map");
  if (!store || !tool || !mapNode) return;
  var NAME_KEY = "course-certificate-name-v1";
  var t = store.t;
  var data = store.read();
  var final = data.finalPassed;
  if (!final || final.passed !== true || typeof final.percent !== "number") return;
  var lessons = JSON.parse(mapNode.textContent);
  var passed = lessons.filter(function (l) { var q = data.quizzes[l.quiz]; return q && q.passed === true; });
  var sheet = tool.querySelector("[data-sheet]");
  var input = tool.querySelector("[data-name-input]");
  tool.querySelector("[data-locked]").hidden = true;
  tool.querySelector("[data-unlocked]").hidden = false;
  sheet.hidden = false;
  sheet.querySelector("[data-date]").textContent = final.date;
  sheet.querySelector("[data-score]").textContent = t("cert_score_value", { score: final.score, total: final.total, percent: final.percent });
  sheet.querySelector("[data-lessons]").textContent = t("cert_lessons_value", { n: passed.length, total: lessons.length }) +
    (passed.length ? ": " + passed.map(function (l) { return l.title; }).join("; ") : "");
  function showName() { sheet.querySelector("[data-name]").textContent = input.value.trim() || "—"; }
  try { input.value = window.localStorage.getItem(NAME_KEY) || ""; } catch (e) { /* unavailable */ }
  showName();
  input.addEventListener("input", function () {
    showName();
    try { window.localStorage.setItem(NAME_KEY, input.value); } catch (e) { /* unavailable */ }
  });
  tool.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
})();
