/*
 * The certificate page: issued when the progress core says every chapter and case is passed and
 * the final test is passed (course-core.js, certificateOf); until then the page lists exactly
 * what is missing, with links. The learner types their name (kept in this browser), and the
 * sheet shows name, the date written out in the page's language, the final score, how many
 * lessons were passed and the certificate's number (course-core.js, certificateNumber: the team
 * overview computes the same number from the learner's report), ready to print on one landscape
 * A4 page.
 */
(function () {
  "use strict";
  var core = window.courseCore;
  var tool = document.querySelector("[data-certificate]");
  if (!core || !tool) return;
  var NAME_KEY = "course-certificate-name-v1";
  var t = core.t;
  var sheet = tool.querySelector("[data-sheet]");
  var input = tool.querySelector("[data-name-input]");
  var locked = tool.querySelector("[data-locked]");
  var missingList = tool.querySelector("[data-missing]");

  function statusOf(state) {
    if (state.status === "in_progress") return t("status_in_progress", { answered: state.answered, total: state.total });
    return t("status_not_started");
  }
  function item(href, title, text) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = href;
    a.textContent = title;
    li.appendChild(a);
    li.appendChild(document.createTextNode(" — " + text));
    return li;
  }
  /* "2 декабря 2026 г.", "2 Δεκεμβρίου 2026", "2 December 2026" (British order for English) */
  var LOCALES = { ru: "ru-RU", el: "el-GR", en: "en-GB" };
  var lang = document.documentElement.lang || "en";
  var longDate = new Intl.DateTimeFormat(LOCALES[lang] || lang, { day: "numeric", month: "long", year: "numeric" });
  var issued = null;  /* {day, right, total} of the certificate on show */
  function showName() {
    sheet.querySelector("[data-name]").textContent = input.value.trim() || "—";
    sheet.querySelector("[data-number]").textContent = issued ? core.certificateNumber(input.value, issued.day, issued.right, issued.total) : "";
  }

  function render() {
    var cert = core.certificate();
    tool.querySelector("[data-unlocked]").hidden = !cert.eligible;
    sheet.hidden = !cert.eligible;
    locked.hidden = cert.eligible;
    missingList.textContent = "";
    if (!cert.eligible) {
      locked.querySelector("[data-locked-text]").textContent = t("cert_missing", { n: cert.missing.length + (cert.final ? 0 : 1) });
      cert.missing.forEach(function (s) { missingList.appendChild(item(s.lesson.href, s.lesson.title, statusOf(s))); });
      if (!cert.final) {
        var last = core.record().finals.slice(-1)[0];
        missingList.appendChild(item(tool.dataset.finalHref, t("cert_final_title"),
          last ? t("cert_final_failed", { right: last.right, total: last.total }) : t("cert_final_todo")));
      }
      return;
    }
    var final = cert.final;
    var date = new Date(cert.date);
    issued = { day: core.pure.dayOf(date), right: final.right, total: final.total };
    sheet.querySelector("[data-date]").textContent = longDate.format(date);
    sheet.querySelector("[data-score]").textContent = t("cert_score_value", { score: final.right, total: final.total, percent: Math.round(100 * final.right / final.total) });
    sheet.querySelector("[data-lessons]").textContent = t("cert_lessons_value", { n: cert.states.length, total: cert.states.length });
    showName();
  }

  var lms = core.lms();  /* inside an LMS the name is the LMS's, as it knows the learner */
  if (lms && lms.learnerName) { input.value = lms.learnerName; input.readOnly = true; }
  else try { input.value = window.localStorage.getItem(NAME_KEY) || ""; } catch (e) { /* unavailable */ }
  showName();
  input.addEventListener("input", function () {
    showName();
    if (input.readOnly) return;
    try { window.localStorage.setItem(NAME_KEY, input.value); } catch (e) { /* unavailable: the name lasts for this visit */ }
  });
  tool.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
  core.subscribe(render);
  render();
})();
