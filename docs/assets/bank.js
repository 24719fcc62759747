/*
 * Pages that draw on the whole question bank (overrides/partials/question-bank.html):
 *  - the final test: a fresh set each attempt (one question from every chapter and case, the
 *    rest at random, 20 in all), pass mark 80%; the result is kept as progress.final, and the
 *    latest passed attempt as progress.finalPassed (the certificate reads it);
 *  - review my mistakes: every question got wrong so far, to answer again; answered right
 *    twice here, it drops out.
 */
(function () {
  "use strict";
  var store = window.courseProgress;
  var section = document.querySelector(".quiz--bank");
  if (!store || !section) return;
  var t = store.t;
  var mode = section.dataset.mode;
  var items = Array.prototype.slice.call(section.querySelectorAll(".quiz-bank__item"));
  var status = section.querySelector("[data-bank-status]");
  var end = section.querySelector(".quiz-bank__end");
  var result = section.querySelector("[data-bank-result]");
  var next = section.querySelector("[data-bank-next]");
  var start = section.querySelector("[data-action=start]");
  var questions = {};
  var answers = {};

  function random(list) { return list[Math.floor(Math.random() * list.length)]; }
  function shuffled(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)); var x = copy[i]; copy[i] = copy[j]; copy[j] = x; }
    return copy;
  }
  function idOf(item) { return item.querySelector(".quiz-q").dataset.qid; }

  function show(chosen) {
    var list = section.querySelector(".quiz-bank__questions");
    items.forEach(function (item) { item.hidden = true; });
    chosen.forEach(function (item, i) {
      list.appendChild(item);
      item.hidden = false;
      item.querySelector(".quiz-q__number").textContent = t("question", { n: (i + 1) + " / " + chosen.length });
      var q = questions[idOf(item)] || (questions[idOf(item)] = new store.Question(item.querySelector(".quiz-q"), recorder));
      q.retry(false);
    });
    answers = {};
    end.hidden = true;
  }

  var recorder = { record: function (id, state) {
    answers[id] = state.right;
    var data = store.read();
    if (mode === "review") {
      var before = data.questions[id] || {};
      var count = state.right ? (before.reviewRight || 0) + 1 : 0;
      var saved = store.withHistory(before, state);
      saved.reviewRight = count;
      data.questions[id] = saved;
      store.write(data);
      status.textContent = count >= 2 ? t("review_learned") : "";
      return;
    }
    var shown = items.filter(function (item) { return !item.hidden; });
    var done = Object.keys(answers).length;
    status.textContent = t("progress", { answered: done, total: shown.length });
    if (done < shown.length) return;
    var right = Object.keys(answers).filter(function (k) { return answers[k] === true; }).length;
    var percent = Math.round(100 * right / shown.length);
    var passed = right / shown.length >= Number(section.dataset.pass);
    var attempt = { score: right, total: shown.length, percent: percent, passed: passed,
      date: new Date().toISOString().slice(0, 10), lang: document.documentElement.lang };
    data.final = attempt;
    if (passed) data.finalPassed = attempt;
    store.write(data);
    end.hidden = false;
    result.className = "quiz__score " + (passed ? "is-right" : "is-wrong");
    result.textContent = t("score", { right: right, total: shown.length, percent: percent }) + " " +
      (passed ? "✓ " + t("final_passed") : "✗ " + t("final_failed", { pass: Math.round(Number(section.dataset.pass) * 100) }));
    if (next) next.hidden = !passed;
    start.textContent = t("final_again");
    start.parentNode.hidden = false;
    result.scrollIntoView({ block: "center" });
  } };

  function startFinal() {
    var byQuiz = {};
    items.forEach(function (item) { (byQuiz[item.dataset.quiz] = byQuiz[item.dataset.quiz] || []).push(item); });
    var chosen = Object.keys(byQuiz).map(function (k) { return random(byQuiz[k]); });
    var rest = shuffled(items.filter(function (item) { return chosen.indexOf(item) === -1; }));
    var size = Math.max(Number(section.dataset.size) || 20, chosen.length);
    chosen = shuffled(chosen.concat(rest.slice(0, size - chosen.length)));
    show(chosen);
    status.textContent = t("progress", { answered: 0, total: chosen.length });
    start.parentNode.hidden = true;
    chosen[0].querySelector("input, button").focus();
  }

  function startReview() {
    var data = store.read();
    var missed = items.filter(function (item) {
      var q = data.questions[idOf(item)];
      return q && q.missed === true && (q.reviewRight || 0) < 2;
    });
    show(missed);
    start.parentNode.hidden = true;
    status.textContent = missed.length ? t("review_count", { n: missed.length }) : t("review_none");
  }

  start.addEventListener("click", mode === "final" ? startFinal : startReview);
  if (mode === "review") startReview();
})();
