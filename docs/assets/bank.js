/*
 * Pages that draw on the whole question bank (overrides/partials/question-bank.html):
 *  - the final test: a fresh set each attempt (one question from every chapter and case, the
 *    rest at random, 20 in all), pass mark 80%; each finished attempt goes to the progress core
 *    (the certificate asks it), its mistakes go to review, and a failed attempt lists the
 *    chapters and cases where the mistakes were, with links;
 *  - review my mistakes: the mistakes due today under spaced repetition (course-core.js: again
 *    after 1, 3 and 7 days; out once answered right on each of those separate days), each with
 *    the chapter or case it comes from.
 * The bank comes once, as data (assets/course-bank-<lang>.js, hooks/quizzes.py: window.courseBank);
 * only the questions drawn are rendered, each from the page's <template> skeletons
 * (overrides/partials/question-bank.html) filled with the bank's texts (HTML made by the build).
 */
(function () {
  "use strict";
  var core = window.courseCore;
  var Question = window.courseQuiz && window.courseQuiz.Question;
  var section = document.querySelector(".quiz--bank");
  if (!core || !Question || !section || !Array.isArray(window.courseBank)) return;
  var t = core.t;
  var mode = section.dataset.mode;
  var bank = window.courseBank;
  var items = [];  /* the questions on the page now */
  var status = section.querySelector("[data-bank-status]");
  var end = section.querySelector(".quiz-bank__end");
  var result = section.querySelector("[data-bank-result]");
  var next = section.querySelector("[data-bank-next]");
  var start = section.querySelector("[data-action=start]");
  var answers = {};

  function template(name) { return section.querySelector("template[data-" + name + "-template]").content.firstElementChild; }
  function html(el, text) { if (text) el.innerHTML = text; else el.remove(); }
  /* One question of the bank as a form: [id, quiz, type, key, situation, prompt, explanation, items]. */
  function render(row) {
    var id = row[0], type = row[2];
    var item = template("question").cloneNode(true);
    item.dataset.quiz = row[1];
    var form = item.querySelector("form");
    form.id = "q-" + id;
    form.dataset.qid = id;
    form.dataset.type = type;
    form.dataset.key = row[3];
    var situation = form.querySelector(".quiz-q__situation");
    if (row[4]) { situation.id = "q-" + id + "-situation"; situation.innerHTML = row[4]; form.querySelector("fieldset").setAttribute("aria-describedby", situation.id); }
    else situation.remove();
    form.querySelector(".quiz-q__prompt").innerHTML = row[5];
    html(form.querySelector(".quiz-q__explanation"), row[6]);
    form.querySelectorAll("[data-for]").forEach(function (el) {
      var wanted = el.dataset.for;
      if (!(wanted === type || (wanted === "choice" && type !== "ordering"))) el.remove();
      el.removeAttribute("data-for");
    });
    var key = form.querySelector(".quiz-q__key ol, .quiz-q__key ul");
    if (type === "ordering") {
      var list = form.querySelector(".quiz-order");
      row[7].forEach(function (step, position) {
        var li = template("step").cloneNode(true);
        li.dataset.step = position;
        li.dataset.id = step[0];
        var text = li.querySelector(".quiz-order__text");
        text.id = "q-" + id + "-s" + position;
        text.innerHTML = step[1];
        var name = text.textContent.trim();
        li.querySelector("[data-move='-1']").setAttribute("aria-label", t("move_up_step", { step: name }));
        li.querySelector("[data-move='1']").setAttribute("aria-label", t("move_down_step", { step: name }));
        list.appendChild(li);
        var k = document.createElement("li"); k.innerHTML = step[1]; key.appendChild(k);
      });
    } else {
      var options = form.querySelector(".quiz-options");
      row[7].forEach(function (option, index) {
        var o = template("option").cloneNode(true);
        o.dataset.option = index;
        o.dataset.id = option[0];
        if (option[2]) o.setAttribute("data-correct", "");
        var input = o.querySelector("input");
        input.type = type === "multiple" ? "checkbox" : "radio";
        input.id = "q-" + id + "-o" + index;
        input.name = id;
        input.value = index;
        var label = o.querySelector("label");
        label.htmlFor = input.id;
        label.innerHTML = option[1];
        html(o.querySelector(".quiz-opt__feedback"), option[3]);
        options.appendChild(o);
        if (option[2]) { var k = document.createElement("li"); k.innerHTML = option[1]; key.appendChild(k); }
      });
    }
    return item;
  }

  function random(list) { return list[Math.floor(Math.random() * list.length)]; }
  function shuffled(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)); var x = copy[i]; copy[i] = copy[j]; copy[j] = x; }
    return copy;
  }
  function idOf(item) { return item.dataset.qid || item.querySelector(".quiz-q").dataset.qid; }
  function lessonOf(item) { return core.lessonByQuiz(item.dataset.quiz); }
  function link(lesson) {
    var a = document.createElement("a");
    a.href = lesson.href;
    a.textContent = lesson.title;
    return a;
  }
  /* "From: <chapter>" above a review question, linked to the chapter. */
  function source(item) {
    var lesson = lessonOf(item);
    var p = item.querySelector(".quiz-bank__from");
    if (!lesson) { if (p) p.remove(); return; }
    if (!p) {
      p = document.createElement("p");
      p.className = "quiz-bank__from";
      item.insertBefore(p, item.firstChild);
    }
    p.textContent = t("review_from") + " ";
    p.appendChild(link(lesson));
  }

  /* Put the drawn questions (bank rows) on the page, in place of those shown before. */
  function show(rows) {
    var list = section.querySelector(".quiz-bank__questions");
    list.textContent = "";
    items = rows.map(function (row, i) {
      var item = render(row);
      item.dataset.qid = row[0];
      list.appendChild(item);
      item.querySelector(".quiz-q__number").textContent = t("question_of", { n: i + 1, total: rows.length });
      new Question(item.querySelector(".quiz-q"), host).retry(false);
      if (mode === "review") source(item);
      return item;
    });
    answers = {};
    end.hidden = true;
  }

  var host = {
    record: function (q, choice) {
      var done = core.answer(q.id, choice, mode);
      if (mode === "final") { answers[q.id] = done.right; finalProgress(); }
      return done;
    },
    said: function (q, done) {
      if (mode !== "review") return "";
      if (done.learned) return t("review_learned");
      if (!done.right || !done.review) return done.right ? "" : t("review_again");
      return t(done.moved ? "review_scheduled" : "review_not_due", { date: core.date(done.review.due) });
    }
  };

  function finalProgress() {
    var shown = items;
    var done = Object.keys(answers).length;
    status.textContent = t("progress", { answered: done, total: shown.length });
    if (done < shown.length) return;
    var right = Object.keys(answers).filter(function (k) { return answers[k] === true; }).length;
    var percent = Math.round(100 * right / shown.length);
    var passed = right / shown.length >= Number(section.dataset.pass);
    var missed = shown.filter(function (item) { return answers[idOf(item)] !== true; });
    var saved = core.finishFinal({ at: new Date().toISOString(), right: right, total: shown.length, passed: passed,
      lang: document.documentElement.lang, missed: missed.map(idOf) });
    end.hidden = false;
    result.className = "quiz__score " + (passed ? "is-right" : "is-wrong");
    result.textContent = t("score", { right: right, total: shown.length, percent: percent }) + " " +
      (passed ? "✓ " + t("final_passed") : "✗ " + t("final_failed", { pass: Math.round(Number(section.dataset.pass) * 100) }));
    revisit(passed ? [] : missed);
    if (next) next.hidden = !passed || !saved;
    start.textContent = t("final_again");
    start.parentNode.hidden = false;
    result.scrollIntoView({ block: "center" });
  }
  /* After a failed attempt: the chapters and cases of its mistakes, with links and counts. */
  function revisit(missed) {
    var box = end.querySelector("[data-bank-revisit]");
    if (!box) { box = document.createElement("div"); box.setAttribute("data-bank-revisit", ""); result.parentNode.insertBefore(box, result.nextSibling); }
    box.textContent = "";
    if (!missed.length) return;
    var counts = {}, order = [];
    missed.forEach(function (item) {
      var lesson = lessonOf(item);
      if (!lesson) return;
      if (!counts[lesson.quiz]) { counts[lesson.quiz] = 0; order.push(lesson); }
      counts[lesson.quiz] += 1;
    });
    var intro = document.createElement("p");
    intro.textContent = t("final_revisit");
    box.appendChild(intro);
    var list = document.createElement("ul");
    core.lessons.filter(function (l) { return order.indexOf(l) !== -1; }).forEach(function (lesson) {
      var li = document.createElement("li");
      li.appendChild(link(lesson));
      li.appendChild(document.createTextNode(" — " + t("final_mistakes", { n: counts[lesson.quiz] })));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function startFinal() {
    var byQuiz = {};
    bank.forEach(function (row) { (byQuiz[row[1]] = byQuiz[row[1]] || []).push(row); });
    var chosen = Object.keys(byQuiz).map(function (k) { return random(byQuiz[k]); });
    var rest = shuffled(bank.filter(function (row) { return chosen.indexOf(row) === -1; }));
    var size = Math.max(Number(section.dataset.size) || 20, chosen.length);
    chosen = shuffled(chosen.concat(rest.slice(0, size - chosen.length)));
    show(chosen);
    revisit([]);
    status.textContent = t("progress", { answered: 0, total: chosen.length });
    start.parentNode.hidden = true;
    items[0].querySelector("input, button").focus();
  }

  function startReview() {
    var due = core.review();
    var ids = due.due.map(function (d) { return d.id; });
    var shown = bank.filter(function (row) { return ids.indexOf(row[0]) !== -1; });
    show(shown);
    start.parentNode.hidden = true;
    var said = [];
    if (shown.length) said.push(t("review_count", { n: shown.length }));
    else if (!due.later.length) said.push(t("review_none"));
    if (due.later.length) said.push(t("review_later", { n: due.later.length, date: core.date(due.next) }));
    status.textContent = said.join(" ");
  }

  start.addEventListener("click", mode === "final" ? startFinal : startReview);
  if (mode === "review") startReview();
})();
