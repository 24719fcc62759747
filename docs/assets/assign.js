/*
 * Assignments, with no server: a trainer picks lessons, a due date and a message on the assign
 * page and gets a link (the site's address + "#assign=<code>"); a learner who opens it, in any
 * language, keeps the assignment in this browser and sees a banner on every page (message, due
 * date, the lessons with their progress) until every lesson is passed or the banner is dismissed.
 *   assignment code = window.courseCode.pack({i: [quiz ids], d: "YYYY-MM-DD" or "", m: message})
 * An assignment's number (6 hex digits of fnv1a over its lessons, due date and message) is shown to
 * the trainer with the link and travels in the learner's report (docs/assets/report.js), so the
 * gradebook can say whether the assignment was done before its due date.
 */
(function () {
  "use strict";
  var core = window.courseCore;  /* the progress core: whether a lesson is passed is asked from it */
  var codes = window.courseCode;
  if (!core || !codes) return;
  var KEY = "course-assignment-v1";
  var t = core.t;
  var lessons = core.lessons;
  var quizIds = lessons.map(function (l) { return l.quiz; });

  function valid(a) {
    return a && Array.isArray(a.i) && a.i.length > 0 && a.i.every(function (q) { return typeof q === "string"; }) &&
      typeof a.d === "string" && /^(\d{4}-\d\d-\d\d)?$/.test(a.d) && typeof a.m === "string" && a.m.length <= 500;
  }
  function numberOf(a) { return core.pure.fnv1a(JSON.stringify([a.i, a.d, a.m])).slice(0, 6); }
  function load() { try { var a = JSON.parse(window.localStorage.getItem(KEY)); return a && valid(a) ? a : null; } catch (e) { return null; } }
  function save(a) { try { window.localStorage.setItem(KEY, JSON.stringify(a)); } catch (e) { /* unavailable: shown for this visit only */ } }

  var banner = document.querySelector("[data-assignment]");
  var current = load();
  var fromLink = /[#&]assign=([A-Za-z0-9_.-]+)/.exec(location.hash);
  if (fromLink) {
    var received = codes.unpack(fromLink[1]);
    if (received && valid(received)) {
      current = { i: received.i.filter(function (q) { return quizIds.indexOf(q) !== -1; }), d: received.d, m: received.m, dismissed: false };
      save(current);
    } else if (banner) {
      banner.hidden = false;
      banner.querySelector("[data-assignment-body]").textContent = "✗ " + t("assign_broken");
    }
    history.replaceState(null, "", location.pathname + location.search);
  }

  function render() {
    if (!banner || !current || current.dismissed) return;
    var items = lessons.filter(function (l) { return current.i.indexOf(l.quiz) !== -1; });
    var done = items.filter(function (l) { return core.lessonState(l).passed; });
    if (!items.length || done.length === items.length) { banner.hidden = true; return; }
    var body = banner.querySelector("[data-assignment-body]");
    body.textContent = "";
    var head = document.createElement("p");
    head.textContent = t("assign_due", { done: done.length, total: items.length, date: current.d || "—" });
    body.appendChild(head);
    if (current.m) { var msg = document.createElement("blockquote"); msg.textContent = current.m; body.appendChild(msg); }
    var list = document.createElement("ul");
    items.forEach(function (l) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = l.href;
      a.textContent = l.title;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + (done.indexOf(l) !== -1 ? "✓ " + t("assign_item_done") : "○ " + t("assign_item_todo"))));
      list.appendChild(li);
    });
    body.appendChild(list);
    banner.hidden = false;
  }
  if (banner) {
    banner.querySelector("[data-action=dismiss-assignment]").addEventListener("click", function () {
      banner.hidden = true;
      if (current) { current.dismissed = true; save(current); }
    });
  }
  core.subscribe(render);
  render();
  /* for the report: the assignment this browser keeps, dismissed or not (the work was asked for) */
  window.courseAssignment = {
    current: function () { return current && current.i.length ? { id: numberOf(current), due: current.d, lessons: current.i.slice() } : null; }
  };

  /* The trainer's page that makes the link. */
  var maker = document.querySelector("[data-assign]");
  if (maker) {
    maker.querySelector("[data-action=make-link]").addEventListener("click", function () {
      var chosen = Array.prototype.slice.call(maker.querySelectorAll("input[name=lesson]:checked")).map(function (i) { return i.value; });
      var said = maker.querySelector("[data-assign-message]");
      var out = maker.querySelector("[data-assign-link]");
      if (!chosen.length) { said.textContent = t("assign_pick"); out.hidden = true; return; }
      var assignment = { i: chosen, d: maker.querySelector("[data-assign-due]").value || "", m: maker.querySelector("[data-assign-text]").value.trim().slice(0, 500) };
      var code = codes.pack(assignment);
      var root = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);
      out.value = root.href.replace(/\/?$/, "/") + "#assign=" + code;
      out.hidden = false;
      out.select();
      said.textContent = "✓ " + t("assign_ready") + " " + t("assign_number", { id: numberOf(assignment) });
    });
  }
})();
