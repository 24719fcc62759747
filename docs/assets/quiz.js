/*
 * Self-check quizzes (rendered by hooks/quizzes.py from overrides/partials/quiz.html): check,
 * retry, reveal, score, start again. Answers go to the progress core (course-core.js) by option
 * id; what a question shows after a reload, and the quiz's score and pass, come back from the
 * core, worked out against this build's questions: an answer given to a question that has
 * changed since reads as unanswered and is never shown. An answer that was shown ("Show the
 * answer") does not count in this attempt, even when answered right afterwards.
 * Question is shared with docs/assets/bank.js (the final test and review).
 */
(function () {
  "use strict";
  var core = window.courseCore;
  if (!core) return;
  var t = core.t;

  function shuffle(parent, selector) {
    var items = Array.prototype.slice.call(parent.querySelectorAll(selector));
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var tmp = items[i]; items[i] = items[j]; items[j] = tmp;
    }
    items.forEach(function (item) { parent.appendChild(item); });
  }

  /* One question's form. host.record(question, choice or null) stores the answer and returns
     what the core made of it ({right, counted, ...}); host.said(question, result) may add words. */
  function Question(form, host) {
    this.form = form;
    this.host = host;
    this.id = form.dataset.qid;
    this.type = form.dataset.type;
    this.key = form.dataset.key;
    this.status = form.querySelector(".quiz-q__status");
    this.answer = form.querySelector(".quiz-q__answer");
    this.shown = null;  /* the time of the stored answer on display, null when none */
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
    if (this.type === "ordering") return this.steps().map(function (li) { return li.dataset.id; });
    return this.options().filter(function (o) { return o.querySelector("input").checked; }).map(function (o) { return o.dataset.id; });
  };
  Question.prototype.isRight = function (choice) { return core.pure.isRight({ type: this.type, key: this.key }, choice); };
  Question.prototype.lock = function (locked) {
    this.form.querySelectorAll("input, .quiz-order__move").forEach(function (el) { el.disabled = locked; });
    if (!locked) this.ends();
    this.form.querySelector("[data-action=check]").hidden = locked;
    this.form.querySelector("[data-action=reveal]").hidden = locked;
    this.form.querySelector("[data-action=retry]").hidden = !locked;
    this.answer.hidden = !locked;
    this.answer.open = locked;
  };
  /* The ↑ of the first step and the ↓ of the last do nothing: they are disabled. */
  Question.prototype.ends = function () {
    if (this.type !== "ordering") return;
    var steps = this.steps();
    steps.forEach(function (li, i) {
      li.querySelector("[data-move='-1']").disabled = i === 0;
      li.querySelector("[data-move='1']").disabled = i === steps.length - 1;
    });
  };
  /* Each option's verdict under it (with its feedback); in a multiple answer, a right option
     left unticked says so ("missed" is true once the answer is checked). */
  Question.prototype.mark = function (choice, showRight, missed) {
    this.options().forEach(function (o) {
      var chosen = choice.indexOf(o.dataset.id) !== -1;
      var correct = o.hasAttribute("data-correct");
      var mark = o.querySelector(".quiz-opt__mark");
      var feedback = o.querySelector(".quiz-opt__feedback");
      o.classList.toggle("is-right", correct && (chosen || showRight));
      o.classList.toggle("is-wrong", chosen && !correct);
      o.classList.toggle("is-missed", !!missed && correct && !chosen && !showRight);
      mark.textContent = chosen ? (correct ? "✓ " : "✗ ") + t("your_answer") : correct && showRight ? "✓ " + t("correct_option")
        : correct && missed ? "○ " + t("missed_option") : "";
      mark.setAttribute("aria-hidden", mark.textContent ? "false" : "true");
      if (feedback) feedback.hidden = !chosen;
    });
    if (this.type === "ordering") {
      var marked = choice.length > 0;
      this.steps().forEach(function (li, i) {
        li.classList.toggle("is-right", marked && Number(li.dataset.step) === i);
        li.classList.toggle("is-wrong", marked && Number(li.dataset.step) !== i);
      });
    }
  };
  Question.prototype.say = function (text, kind) {
    this.status.textContent = text;
    this.status.className = "quiz-q__status" + (kind ? " is-" + kind : "");
  };
  /* Show an answer: the choice marked with each option's feedback under it, the answer key open,
     and the verdict once in the status line (with, in a multiple answer, what was missed). */
  Question.prototype.show = function (choice, right, counted, extra) {
    var multiple = this.type === "multiple";
    this.mark(choice, right, multiple && !right);
    this.lock(true);
    var said = [right ? (counted === false ? "✓ " + t("right_after_reveal") : "✓ " + t("right")) : "✗ " + t("wrong")];
    if (multiple && !right) {
      var correct = this.options().filter(function (o) { return o.hasAttribute("data-correct"); }).map(function (o) { return o.dataset.id; });
      var found = choice.filter(function (id) { return correct.indexOf(id) !== -1; }).length;
      said.push(t("missed_some", { found: found, right: correct.length }));
      if (choice.length > found) said.push(t("missed_extra", { n: choice.length - found }));
    }
    if (extra) said.push(extra);
    this.say(said.join(" "), right ? "right" : "wrong");
  };
  Question.prototype.showRevealed = function () {
    if (this.type === "ordering") {
      var list = this.form.querySelector(".quiz-order");
      this.steps().sort(function (a, b) { return a.dataset.step - b.dataset.step; }).forEach(function (li) { list.appendChild(li); });
    }
    this.mark([], true);
    this.lock(true);
    this.say(t("revealed"));
  };
  Question.prototype.check = function () {
    var choice = this.choice();
    if (!choice.length) { this.say(t("choose_first")); return; }
    var result = this.host.record(this, choice);
    this.show(choice, result.right, result.counted, this.host.said ? this.host.said(this, result) : "");
    this.form.querySelector("[data-action=retry]").focus();
  };
  Question.prototype.reveal = function () {
    this.showRevealed();
    var result = this.host.record(this, null);
    if (this.host.said) { var extra = this.host.said(this, result); if (extra) this.say(t("revealed") + " " + extra); }
    this.form.querySelector("[data-action=retry]").focus();
  };
  Question.prototype.retry = function (focus) {
    this.options().forEach(function (o) { o.querySelector("input").checked = false; });
    this.mark([], false);
    this.lock(false);
    this.answer.hidden = true;
    this.say("");
    if (this.type === "ordering") {
      var list = this.form.querySelector(".quiz-order");
      shuffle(list, ".quiz-order__item");
      if (this.isRight(this.choice())) list.appendChild(list.firstElementChild);  /* never hand out the answer */
      this.ends();
    }
    else if (this.type !== "truefalse") shuffle(this.form.querySelector(".quiz-options"), ".quiz-opt");
    var first = this.form.querySelector("input, .quiz-order__move");
    if (focus && first) first.focus();
  };
  /* Show a stored answer (from the core: given to this very question, under its current key). */
  Question.prototype.restore = function (saved) {
    if (saved.choice === null) { this.showRevealed(); return; }
    var choice = saved.choice;
    var onPage = this.type === "ordering" ? this.steps() : this.options();
    var ids = onPage.map(function (el) { return el.dataset.id; });
    if (!choice.every(function (id) { return ids.indexOf(id) !== -1; })) {
      /* a wrong option was reworded since: the verdict still holds, the choice cannot be shown */
      this.mark([], true);
      this.lock(true);
      var right = this.isRight(choice);
      this.say(right ? "✓ " + t("right") : "✗ " + t("wrong"), right ? "right" : "wrong");
      return;
    }
    if (this.type === "ordering") {
      var list = this.form.querySelector(".quiz-order");
      choice.forEach(function (id) { list.appendChild(onPage[ids.indexOf(id)]); });
      this.ends();
    } else {
      this.options().forEach(function (o) { o.querySelector("input").checked = choice.indexOf(o.dataset.id) !== -1; });
    }
    var right_ = this.isRight(choice);
    this.show(choice, right_, right_ && saved.revealed !== true);
  };
  /* Bring the form in line with the stored answer (after a load, or a change in another tab). */
  Question.prototype.sync = function (saved) {
    var at = saved ? saved.at : null;
    if (at === this.shown) return;
    this.shown = at;
    if (saved) this.restore(saved); else this.retry(false);
  };
  Question.prototype.move = function (button) {
    var li = button.closest(".quiz-order__item");
    var list = li.parentNode;
    var up = button.dataset.move === "-1";
    var other = up ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return;
    list.insertBefore(li, up ? other : other.nextElementSibling);
    this.ends();
    /* at an end the button just used is disabled: keep the focus on the same step */
    (button.disabled ? li.querySelector(".quiz-order__move:not(:disabled)") || button : button).focus();
    var items = this.steps();
    this.say(t("moved", { step: li.querySelector(".quiz-order__text").textContent.trim(), n: items.indexOf(li) + 1, total: items.length }));
  };

  function Quiz(section) {
    var quiz = this;
    this.section = section;
    this.lesson = core.lessonByQuiz(section.dataset.quiz);
    this.score = section.querySelector(".quiz__score");
    this.history = section.querySelector("[data-quiz-history]");
    this.questions = Array.prototype.slice.call(section.querySelectorAll(".quiz-q")).map(function (form) {
      return new Question(form, quiz);
    });
    this.questions.forEach(function (q) {
      q.lock(false);
      q.answer.hidden = true;
      if (q.type !== "truefalse" && q.type !== "ordering") shuffle(q.form.querySelector(".quiz-options"), ".quiz-opt");
    });
    section.querySelector("[data-action=reset-quiz]").addEventListener("click", function () { quiz.reset(); });
    this.end = section.querySelector("[data-quiz-end]");
    if (this.end) this.end.querySelector("[data-action=review-mistakes]").addEventListener("click", function () { quiz.reviewMistakes(); });
    this.render();
    core.subscribe(function (record, source) { if (source === "storage") quiz.render(); });
  }
  Quiz.prototype.record = function (q, choice) {
    var result = core.answer(q.id, choice, "lesson");
    if (result.entry) q.shown = result.entry.at;
    this.render();
    return result;
  };
  Quiz.prototype.render = function () {
    this.questions.forEach(function (q) { q.sync(core.answerOf(q.id)); });
    if (!this.lesson) return;
    var s = core.lessonState(this.lesson);
    var pass = Math.round(this.lesson.pass * 100);
    var said = [];
    if (s.complete) {
      said.push(t("score", { right: s.right, total: s.total, percent: s.percent }) + " " +
        (s.passedNow ? "✓ " + t("passed") : t("not_passed", { pass: pass })));
    } else if (s.answered) {
      said.push(t("progress", { answered: s.answered, total: s.total }));
    }
    if (s.passedBefore && !s.passedNow) {
      said.push("✓ " + t("passed_before", { date: core.date(s.passedBefore.at), percent: Math.round(100 * s.passedBefore.right / s.passedBefore.total) }));
    }
    this.score.textContent = said.join(" ");
    this.score.className = "quiz__score" + (s.passed ? " is-right" : s.complete ? " is-wrong" : "");
    this.renderEnd(s);
    if (this.history) {
      this.history.textContent = s.first === null ? "" : t("quiz_history", { first: s.first, best: s.best === null ? "—" : s.best });
    }
  };
  /* The end card: where to go next (the next lesson, or the final test after the last one) and,
     when some answers were wrong, a way back to them. */
  Quiz.prototype.renderEnd = function (s) {
    if (!this.end) return;
    this.end.hidden = !s.complete;
    if (!s.complete) return;
    var i = core.lessons.indexOf(this.lesson);
    var following = core.lessons[i + 1];
    var next = this.end.querySelector("[data-quiz-next]");
    if (following) {
      next.href = following.href;
      next.textContent = t("end_next", { lesson: t("lesson_" + following.kind, { n: following.n }) + " — " + following.title });
    } else if (core.pages.final) {
      next.href = core.pages.final;
      next.textContent = t("end_final");
    }
    next.hidden = !following && !core.pages.final;
    var wrong = this.mistakes().length;
    var review = this.end.querySelector("[data-action=review-mistakes]");
    review.hidden = wrong === 0;
    review.textContent = t("end_review", { n: wrong });
  };
  /* The questions whose answer does not count: wrong, or shown with "Show the answer". */
  Quiz.prototype.mistakes = function () {
    return this.questions.filter(function (q) {
      var a = core.answerOf(q.id);
      return a && !(a.revealed !== true && q.isRight(a.choice));
    });
  };
  Quiz.prototype.reviewMistakes = function () {
    var first = this.mistakes()[0];
    if (!first) return;
    first.form.scrollIntoView({ block: "start" });
    first.form.querySelector("[data-action=retry]").focus({ preventScroll: true });
  };
  Quiz.prototype.reset = function () {
    var s = core.lessonState(this.lesson);
    if (!window.confirm(t(s.passed ? "reset_quiz_confirm_passed" : "reset_quiz_confirm"))) return;
    core.resetQuiz(this.lesson.quiz);
    this.render();
    var first = this.section.querySelector(".quiz-q input, .quiz-q .quiz-order__move");
    if (first) first.focus();
  };

  window.courseQuiz = { Question: Question };

  document.querySelectorAll(".quiz:not(.quiz--bank)").forEach(function (section) {
    new Quiz(section);
    core.visit(section.dataset.page);
  });
})();
