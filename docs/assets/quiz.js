/*
 * Self-check quizzes (rendered by hooks/quizzes.py from overrides/partials/quiz.html):
 * check, retry, reveal, score; progress in localStorage under one versioned key; a tick in
 * the navigation for every page whose quiz is passed. Corrupt, foreign or unavailable
 * storage reads as "no progress yet" and never stops the page from working.
 */
(function () {
  "use strict";
  var KEY = "course-progress-v1";
  var labels = {};
  try { labels = JSON.parse(document.getElementById("course-labels").textContent); } catch (e) { /* labels stay keys */ }

  function t(key, values) {
    var text = labels[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }

  /* Progress: {version: 1, questions: {id: {answered, right, choice, at}}, quizzes: {id: {score, total, passed,
     date, page}}, last: {page, at}, final: {score, total, percent, passed, date, lang}, finalPassed: {…}};
     "last" is the lesson page opened last, "finalPassed" the latest passed final test. */
  function read() {
    var data = null;
    try { data = JSON.parse(window.localStorage.getItem(KEY)); } catch (e) { data = null; }
    var clean = { version: 1, questions: {}, quizzes: {} };
    if (!isObject(data) || data.version !== 1) return clean;
    if (isObject(data.last) && typeof data.last.page === "string") clean.last = data.last;
    ["final", "finalPassed"].forEach(function (part) {  /* the final test (docs/assets/bank.js) */
      if (isObject(data[part]) && typeof data[part].percent === "number") clean[part] = data[part];
    });
    ["questions", "quizzes"].forEach(function (part) {
      if (!isObject(data[part])) return;
      Object.keys(data[part]).forEach(function (id) { if (isObject(data[part][id])) clean[part][id] = data[part][id]; });
    });
    return clean;
  }
  function write(data) {
    try { window.localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* private mode or full: progress lives for this page only */ }
  }

  function shuffle(parent, selector) {
    var items = Array.prototype.slice.call(parent.querySelectorAll(selector));
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var tmp = items[i]; items[i] = items[j]; items[j] = tmp;
    }
    items.forEach(function (item) { parent.appendChild(item); });
  }

  function Question(form, quiz) {
    this.form = form;
    this.quiz = quiz;
    this.id = form.dataset.qid;
    this.type = form.dataset.type;
    this.status = form.querySelector(".quiz-q__status");
    this.answer = form.querySelector(".quiz-q__answer");
    var q = this;
    form.addEventListener("submit", function (event) { event.preventDefault(); q.check(); });
    form.querySelector("[data-action=retry]").addEventListener("click", function () { q.retry(true); });
    form.querySelector("[data-action=reveal]").addEventListener("click", function () { q.reveal(); });
    form.querySelectorAll(".quiz-order__move").forEach(function (button) {
      button.addEventListener("click", function () { q.move(button); });
    });
  }
  Question.prototype.options = function () { return Array.prototype.slice.call(this.form.querySelectorAll(".quiz-opt")); };
  Question.prototype.steps = function () { return Array.prototype.slice.call(this.form.querySelectorAll(".quiz-order__item")); };
  Question.prototype.choice = function () {
    if (this.type === "ordering") return this.steps().map(function (li) { return Number(li.dataset.step); });
    return this.options().filter(function (o) { return o.querySelector("input").checked; })
      .map(function (o) { return Number(o.dataset.option); }).sort();
  };
  Question.prototype.isRight = function (choice) {
    if (this.type === "ordering") return choice.every(function (step, i) { return step === i; });
    var right = this.options().filter(function (o) { return o.hasAttribute("data-correct"); })
      .map(function (o) { return Number(o.dataset.option); }).sort();
    return right.join() === choice.join();
  };
  Question.prototype.lock = function (locked) {
    this.form.querySelectorAll("input, .quiz-order__move").forEach(function (el) { el.disabled = locked; });
    this.form.querySelector("[data-action=check]").hidden = locked;
    this.form.querySelector("[data-action=reveal]").hidden = locked;
    this.form.querySelector("[data-action=retry]").hidden = !locked;
    this.answer.hidden = !locked;
    this.answer.open = locked;
  };
  Question.prototype.mark = function (choice, showRight) {
    this.options().forEach(function (o) {
      var chosen = choice.indexOf(Number(o.dataset.option)) !== -1;
      var correct = o.hasAttribute("data-correct");
      var mark = o.querySelector(".quiz-opt__mark");
      var feedback = o.querySelector(".quiz-opt__feedback");
      o.classList.toggle("is-right", correct && (chosen || showRight));
      o.classList.toggle("is-wrong", chosen && !correct);
      mark.textContent = chosen ? (correct ? "✓ " : "✗ ") + t("your_answer") : (correct && showRight ? "✓ " + t("correct_option") : "");
      mark.setAttribute("aria-hidden", mark.textContent ? "false" : "true");
      if (feedback) feedback.hidden = !chosen;
    });
    if (this.type === "ordering") {
      this.steps().forEach(function (li, i) {
        li.classList.toggle("is-right", Number(li.dataset.step) === i);
        li.classList.toggle("is-wrong", Number(li.dataset.step) !== i);
      });
    }
  };
  Question.prototype.show = function (choice, right) {
    this.mark(choice, right);
    this.lock(true);
    var said = [right ? "✓ " + t("right") : "✗ " + t("wrong")];
    this.options().forEach(function (o) {
      var feedback = o.querySelector(".quiz-opt__feedback");
      if (feedback && !feedback.hidden) said.push(feedback.textContent.trim());
    });
    this.status.textContent = said.join(" ");
    this.status.className = "quiz-q__status " + (right ? "is-right" : "is-wrong");
  };
  Question.prototype.check = function () {
    var choice = this.choice();
    if (!choice.length) { this.status.textContent = t("choose_first"); this.status.className = "quiz-q__status"; return; }
    var right = this.isRight(choice);
    this.show(choice, right);
    this.form.querySelector("[data-action=retry]").focus();
    this.quiz.record(this.id, { answered: true, right: right, choice: choice, at: new Date().toISOString() });
  };
  Question.prototype.reveal = function () {
    if (this.type === "ordering") {
      var list = this.form.querySelector(".quiz-order");
      this.steps().sort(function (a, b) { return a.dataset.step - b.dataset.step; }).forEach(function (li) { list.appendChild(li); });
    }
    this.mark([], true);
    this.lock(true);
    this.status.textContent = t("revealed");
    this.status.className = "quiz-q__status";
    this.form.querySelector("[data-action=retry]").focus();
    this.quiz.record(this.id, { answered: true, right: false, choice: [], at: new Date().toISOString() });
  };
  Question.prototype.retry = function (focus) {
    this.options().forEach(function (o) { o.querySelector("input").checked = false; });
    this.mark([], false);
    this.form.querySelectorAll(".quiz-order__item").forEach(function (li) { li.classList.remove("is-right", "is-wrong"); });
    this.lock(false);
    this.answer.hidden = true;
    this.status.textContent = "";
    this.status.className = "quiz-q__status";
    if (this.type === "ordering") {
      var list = this.form.querySelector(".quiz-order");
      shuffle(list, ".quiz-order__item");
      if (this.isRight(this.choice())) list.appendChild(list.firstElementChild);  /* never hand out the answer */
    }
    else if (this.type !== "truefalse") shuffle(this.form.querySelector(".quiz-options"), ".quiz-opt");
    var first = this.form.querySelector("input, .quiz-order__move");
    if (focus && first) first.focus();
  };
  Question.prototype.restore = function (saved) {
    var choice = Array.isArray(saved.choice) ? saved.choice.filter(function (n) { return typeof n === "number"; }) : [];
    if (this.type === "ordering" && choice.length === this.steps().length) {
      var list = this.form.querySelector(".quiz-order");
      var byStep = {};
      this.steps().forEach(function (li) { byStep[li.dataset.step] = li; });
      if (choice.every(function (n) { return byStep[n]; })) choice.forEach(function (n) { list.appendChild(byStep[n]); });
    }
    this.options().forEach(function (o) { o.querySelector("input").checked = choice.indexOf(Number(o.dataset.option)) !== -1; });
    if (choice.length) this.show(this.choice(), this.isRight(this.choice()));
    else {  /* answered elsewhere (an imported file) or revealed: no choice to show, only the result */
      this.mark([], true);
      this.lock(true);
      this.status.textContent = saved.right === true ? "✓ " + t("right") : t("revealed");
    }
  };
  Question.prototype.move = function (button) {
    var li = button.closest(".quiz-order__item");
    var list = li.parentNode;
    var up = button.dataset.move === "-1";
    var other = up ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return;
    list.insertBefore(li, up ? other : other.nextElementSibling);
    button.focus();
    var items = this.steps();
    this.status.className = "quiz-q__status";
    this.status.textContent = t("moved", {
      step: li.querySelector(".quiz-order__text").textContent.trim(), n: items.indexOf(li) + 1, total: items.length
    });
  };

  function Quiz(section) {
    var quiz = this;
    this.section = section;
    this.id = section.dataset.quiz;
    this.pass = Number(section.dataset.pass) || 0.8;
    this.score = section.querySelector(".quiz__score");
    this.questions = Array.prototype.slice.call(section.querySelectorAll(".quiz-q")).map(function (form) {
      return new Question(form, quiz);
    });
    var saved = read().questions;
    this.questions.forEach(function (q) {
      q.lock(false);
      q.answer.hidden = true;
      if (q.type !== "truefalse" && q.type !== "ordering") shuffle(q.form.querySelector(".quiz-options"), ".quiz-opt");
      if (saved[q.id] && saved[q.id].answered === true) q.restore(saved[q.id]);
    });
    section.querySelector("[data-action=reset-quiz]").addEventListener("click", function () { quiz.reset(); });
    this.update(read(), false);
  }
  Quiz.prototype.record = function (id, state) {
    var data = read();
    data.questions[id] = withHistory(data.questions[id], state);
    this.update(data, true);
  };
  Quiz.prototype.update = function (data, save) {
    var answered = 0, right = 0, total = this.questions.length;
    this.questions.forEach(function (q) {
      var s = data.questions[q.id];
      if (s && s.answered === true) { answered += 1; if (s.right === true) right += 1; }
    });
    if (answered < total) {
      this.score.textContent = answered ? t("progress", { answered: answered, total: total }) : "";
    } else {
      var percent = Math.round(100 * right / total);
      var passed = right / total >= this.pass;
      this.score.textContent = t("score", { right: right, total: total, percent: percent }) + " " +
        (passed ? "✓ " + t("passed") : t("not_passed", { pass: Math.round(this.pass * 100) }));
      this.score.className = "quiz__score " + (passed ? "is-right" : "is-wrong");
      if (save) {
        data.quizzes[this.id] = { score: right, total: total, passed: passed, date: new Date().toISOString().slice(0, 10), page: this.section.dataset.page };
      }
    }
    if (save) { write(data); markNavigation(data); }
  };
  Quiz.prototype.reset = function () {
    var data = read();
    this.questions.forEach(function (q) { delete data.questions[q.id]; q.retry(false); });
    delete data.quizzes[this.id];
    write(data);
    this.score.textContent = "";
    this.score.className = "quiz__score";
    markNavigation(data);
  };

  /* A question once got wrong (or revealed) stays "missed" for "review my mistakes" until it
     is answered right twice there (reviewRight, counted by docs/assets/bank.js). */
  function withHistory(before, state) {
    if ((isObject(before) && before.missed === true) || state.right !== true) state.missed = true;
    if (isObject(before) && typeof before.reviewRight === "number" && state.missed) state.reviewRight = before.reviewRight;
    return state;
  }

  /* The navigation: a tick, in words too, beside every page whose quiz is passed. */
  function languageRoot() {
    try { return new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href).pathname.replace(/\/?$/, "/"); } catch (e) { return "/"; }
  }
  function markNavigation(data) {
    var root = languageRoot();
    var passed = {};
    Object.keys(data.quizzes).forEach(function (id) {
      var quiz = data.quizzes[id];
      if (quiz.passed === true && typeof quiz.page === "string") passed[quiz.page] = true;
    });
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

  /* Other course scripts (docs/assets/progress.js) share this one reader and writer. */
  window.courseProgress = { read: read, write: write, markNavigation: markNavigation, Question: Question, withHistory: withHistory,
    t: t, isObject: isObject, languageRoot: languageRoot };

  document.querySelectorAll(".quiz:not(.quiz--bank)").forEach(function (section) {
    new Quiz(section);
    var data = read();
    data.last = { page: section.dataset.page, at: new Date().toISOString() };
    write(data);
  });
  markNavigation(read());
})();
