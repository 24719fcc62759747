/*
 * The trainer's gradebook on the team overview (overrides/partials/team-overview.html): the
 * pasted reports (read by docs/assets/report.js, which describes the code) become one row per
 * person, the latest report winning, with a column per chapter and case, the final test, the
 * assignment and the certificate number; sorting by any column, filters by name and status, a
 * summary row of the rows shown, the questions most often missed, a CSV file and a print layout.
 * Everything stays in this page; nothing is sent anywhere.
 *
 * The table shows 50 rows at a time, with pages (a table of 1,000 rows takes Chromium seconds to
 * lay out; 50 take milliseconds), inside a scrolling region with a sticky header; printing draws
 * every row shown. Rows are drawn as one HTML string (escaped), not node by node. A group of 1,000
 * reports is read, sorted and exported well within a second (tests/gradebook_bench.py).
 */
(function () {
  "use strict";
  var core = window.courseCore;
  var reports = window.courseReport;
  var team = document.querySelector("[data-team]");
  if (!core || !reports || !team) return;
  var t = core.t;
  var lessons = core.lessons;
  var lang = document.documentElement.lang || "en";
  var collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
  var SYMBOL = { passed: "✓", failed: "✗", in_progress: "◐", not_started: "○", unknown: "—" };
  var RANK = { unknown: -1, not_started: 0, failed: 1, in_progress: 2, passed: 3 };
  var $ = function (sel) { return team.querySelector(sel); };
  var book = $("[data-gradebook]");
  var table = $(".team-tool__table");
  var body = table.querySelector("tbody");
  var foot = table.querySelector("tfoot");
  var PAGE = 50;
  var people = [], shown = [], page = 0;
  var sort = { col: "name", dir: 1 };

  function esc(x) { return String(x).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function pct(right, total) { return total ? Math.round(100 * right / total) : null; }
  function nameKey(name) { return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase(); }

  /* ---------- reports → people ---------- */

  function personOf(r) {
    var grades = lessons.map(function (l) { return r.lessons[l.quiz] || { grade: r.version === 1 ? "unknown" : "not_started", score: null, first: null, missed: [] }; });
    var f = r.final;
    var final = {
      grade: !f ? (r.version === 1 ? "unknown" : "not_started") : f.passed ? "passed" : "failed",
      score: !f ? null : f.right === null ? f.percent : pct(f.right, f.total),
      first: f && f.first ? pct(f.first.right, f.first.total) : null,
      attempts: f ? f.attempts : null
    };
    var passed = grades.filter(function (g) { return g.grade === "passed"; }).length;
    var started = grades.some(function (g) { return g.grade === "passed" || g.grade === "failed" || g.grade === "in_progress"; }) || !!f;
    var failed = grades.some(function (g) { return g.grade === "failed"; }) || final.grade === "failed";
    var a = r.assignment, day = r.at.slice(0, 10), assignment = null;
    if (a) {
      var state = a.day ? (a.due && a.day > a.due ? "late" : "on_time") : a.due && day > a.due ? "overdue" : "open";
      assignment = { id: a.id, due: a.due, day: a.day, passed: a.passed, total: a.total, state: state };
    }
    var complete = !!r.cert || (passed === lessons.length && final.grade === "passed");
    return {
      report: r, name: r.name, key: nameKey(r.name), day: day, grades: grades, final: final, passed: passed, assignment: assignment,
      kind: complete ? "complete" : failed ? "failed" : started ? "in_progress" : "not_started",
      late: !!assignment && (assignment.state === "late" || assignment.state === "overdue"),
      cert: r.cert && f && f.passed && f.right !== null ? core.certificateNumber(r.name, r.cert, f.right, f.total) : ""
    };
  }

  /* Pasted text → {people, accepted, duplicates, refused}; a person's latest report wins
     (the later one in the text on a tie). Reports without a name merge only when identical. */
  function read(text) {
    var accepted = 0, refused = [], latest = {}, order = [];
    reports.find(text).forEach(function (found) {
      var j = reports.judge(found, text);
      if (!j.report) { refused.push(j); return; }
      accepted += 1;
      var r = j.report;
      var key = r.name ? "n:" + nameKey(r.name) : "c:" + found.payload;
      if (!latest[key]) order.push(key);
      if (!latest[key] || r.at >= latest[key].at) latest[key] = r;
    });
    return { people: order.map(function (k) { return personOf(latest[k]); }), accepted: accepted, duplicates: accepted - order.length, refused: refused };
  }

  /* ---------- cells ---------- */

  function gradeCell(g) {
    var sr = t("grade_" + g.grade);
    var html = '<span aria-hidden="true">' + SYMBOL[g.grade] + '</span><span class="quiz-sr">' + esc(sr) + "</span>";
    if (g.score !== null && g.score !== undefined) html += ' <span class="quiz-sr">' + esc(t("team_sr_score")) + " </span>" + g.score + "%";
    if (g.first !== null && g.first !== undefined) html += '<span class="gradebook__first"><span aria-hidden="true"> / </span><span class="quiz-sr">, ' + esc(t("team_sr_first")) + " </span>" + g.first + "%</span>";
    return '<td class="gradebook__cell gradebook__cell--' + g.grade + '">' + html + "</td>";
  }
  function assignmentText(a) {
    if (!a) return "—";
    var head = t("team_assign_id", { id: a.id }) + " · ";
    if (a.state === "on_time") return head + "✓ " + t("team_assign_on_time", { date: a.day, due: a.due || "—" });
    if (a.state === "late") return head + "✗ " + t("team_assign_late", { date: a.day, due: a.due });
    return head + (a.state === "overdue" ? "✗ " + t("team_assign_overdue", { passed: a.passed, total: a.total, due: a.due }) : "◐ " + t("team_assign_open", { passed: a.passed, total: a.total, due: a.due || "—" }));
  }
  function row(p) {
    var html = '<tr><th scope="row">' + esc(p.name || "—") + (p.report.version === 1 ? ' <span class="gradebook__old">(CO1)</span>' : "") + "</th>" +
      "<td>" + esc(p.day) + "</td><td>" + p.passed + " / " + lessons.length + "</td>";
    p.grades.forEach(function (g) { html += gradeCell(g); });
    html += gradeCell(p.final);
    html += '<td class="gradebook__assignment' + (p.late ? " gradebook__cell--failed" : "") + '">' + esc(assignmentText(p.assignment)) + "</td>";
    return html + '<td class="gradebook__cert">' + esc(p.cert || "—") + "</td></tr>";
  }
  function summaryCell(grades) {
    var n = grades.length;
    var passed = grades.filter(function (g) { return g.grade === "passed"; }).length;
    var scores = grades.map(function (g) { return g.score; }).filter(function (s) { return s !== null && s !== undefined; });
    var avg = scores.length ? Math.round(scores.reduce(function (a, b) { return a + b; }, 0) / scores.length) + "%" : "—";
    return "<td>" + esc(t("team_summary_cell", { passed: passed, n: n, avg: avg })) + "</td>";
  }
  function summary(shown) {
    var html = '<tr><th scope="row">' + esc(t("team_summary", { n: shown.length })) + "</th><td></td><td>" +
      esc(t("team_summary_passed", { n: shown.filter(function (p) { return p.passed === lessons.length; }).length })) + "</td>";
    lessons.forEach(function (l, i) { html += summaryCell(shown.map(function (p) { return p.grades[i]; })); });
    html += summaryCell(shown.map(function (p) { return p.final; }));
    var assigned = shown.filter(function (p) { return p.assignment; });
    html += "<td>" + (assigned.length ? esc(t("team_summary_on_time", { n: assigned.filter(function (p) { return p.assignment.state === "on_time"; }).length, of: assigned.length })) : "") + "</td>";
    return html + "<td>" + shown.filter(function (p) { return p.cert; }).length + "</td></tr>";
  }
  function mostMissed(shown) {
    var list = $("[data-team-missed]");
    var counts = {};
    lessons.forEach(function (l, i) {
      shown.forEach(function (p) {
        if (p.report.version !== 2) return;
        (p.grades[i].missed || []).forEach(function (id) { counts[id] = (counts[id] || { id: id, lesson: l, i: i, n: 0 }); counts[id].n += 1; });
      });
    });
    var top = Object.keys(counts).map(function (k) { return counts[k]; }).sort(function (a, b) { return b.n - a.n || a.i - b.i || (a.id < b.id ? -1 : 1); }).slice(0, 10);
    list.innerHTML = top.map(function (m) {
      var of = shown.filter(function (p) { return p.report.version === 2 && p.grades[m.i].grade !== "not_started"; }).length;
      return "<li>" + esc(t("team_missed_item", { lesson: columnName(m.i) + " · " + m.lesson.title, id: m.id, n: m.n, of: of })) + "</li>";
    }).join("");
    $("[data-team-missed-box]").hidden = top.length === 0;
  }
  function columnName(i) {
    var th = table.querySelector('thead th[data-col="' + lessons[i].quiz + '"] [data-short]');
    return th ? th.textContent.trim() : lessons[i].title;
  }

  /* ---------- sorting and filters ---------- */

  function value(p, col) {
    if (col === "name") return p.name;
    if (col === "date") return p.report.at;
    if (col === "passed") return p.passed;
    if (col === "cert") return p.cert;
    if (col === "assignment") return p.assignment ? ({ late: 1, overdue: 1, open: 2, on_time: 3 }[p.assignment.state]) * 1e4 + (p.assignment.passed || 0) : -1;
    var g = col === "final" ? p.final : p.grades[column[col]];
    return RANK[g.grade] * 1e6 + (g.score === null || g.score === undefined ? -1 : g.score) * 1e3 + (g.first === null || g.first === undefined ? -1 : g.first);
  }
  var column = {};
  lessons.forEach(function (l, i) { column[l.quiz] = i; });
  /* Sorted by the chosen column (keys worked out once per sort), then by name. */
  function sorted(list) {
    var keyed = list.map(function (p) { return { p: p, k: value(p, sort.col) }; });
    var text = keyed.length && typeof keyed[0].k === "string";
    keyed.sort(function (a, b) {
      var c = text ? collator.compare(a.k, b.k) : a.k - b.k;
      return sort.dir * (c || collator.compare(a.p.name, b.p.name));
    });
    return keyed.map(function (x) { return x.p; });
  }
  function shownPeople() {
    var q = nameKey($("[data-filter-name]").value);
    var status = $("[data-filter-status]").value;
    return sorted(people.filter(function (p) {
      return (!q || p.key.indexOf(q) !== -1) && (status === "all" || (status === "late" ? p.late : p.kind === status));
    }));
  }
  /* Draw one page of the rows shown (every row when `all`, for paper). */
  function draw(all) {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    var from = all ? 0 : page * PAGE, to = all ? shown.length : Math.min(shown.length, from + PAGE);
    body.innerHTML = shown.slice(from, to).map(row).join("");
    $("[data-team-rows]").textContent = t("team_rows", { from: shown.length ? from + 1 : 0, to: to, n: shown.length });
    $("[data-action=page-prev]").disabled = page === 0;
    $("[data-action=page-next]").disabled = page >= pages - 1;
    $("[data-team-pages]").hidden = pages < 2;
  }
  function render(keepPage) {
    shown = shownPeople();
    if (!keepPage) page = 0;
    draw(false);
    foot.innerHTML = summary(shown);
    mostMissed(shown);
    table.querySelectorAll("thead th[data-col]").forEach(function (th) {
      if (th.dataset.col === sort.col) th.setAttribute("aria-sort", sort.dir > 0 ? "ascending" : "descending"); else th.removeAttribute("aria-sort");
    });
    $("[data-team-shown]").textContent = t("team_shown", { n: shown.length, total: people.length });
  }

  /* ---------- CSV: UTF-8 with a byte-order mark, every field quoted ---------- */

  /* Excel opens a CSV with the list separator of the computer's regional settings: a semicolon
     in Russian and Greek ones, a comma in English ones; LibreOffice asks. Fields that a
     spreadsheet would run as a formula (= + - @ at the start) get a leading apostrophe. */
  var SEPARATOR = lang === "en" ? "," : ";";
  function field(x) {
    var s = x === null || x === undefined ? "" : String(x);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }
  function headerText(col) { var th = table.querySelector('thead th[data-col="' + col + '"] [data-full]'); return th ? th.textContent.trim() : col; }
  function csv(shown) {
    var head = [headerText("name"), headerText("date"), headerText("passed")];
    lessons.forEach(function (l) { head.push(t("csv_status", { lesson: l.title }), t("csv_score", { lesson: l.title }), t("csv_first", { lesson: l.title })); });
    var fin = headerText("final");
    head.push(t("csv_status", { lesson: fin }), t("csv_score", { lesson: fin }), t("csv_first", { lesson: fin }), t("csv_attempts", { lesson: fin }));
    var asg = headerText("assignment");
    head.push(t("csv_assignment_id", { col: asg }), t("csv_assignment_due", { col: asg }), t("csv_assignment_done", { col: asg }), t("csv_assignment_state", { col: asg }), headerText("cert"));
    var lines = [head];
    shown.forEach(function (p) {
      var line = [p.name, p.report.at.replace("T", " ").replace("Z", " UTC"), p.passed];
      p.grades.concat([p.final]).forEach(function (g) { line.push(t("grade_" + g.grade), g.score, g.first); });
      line.push(p.final.attempts);
      var a = p.assignment;
      line.push(a ? a.id : "", a ? a.due : "", a ? a.day : "", a ? t("team_assign_state_" + a.state) : "", p.cert);
      lines.push(line);
    });
    return "\ufeff" + lines.map(function (l) { return l.map(field).join(SEPARATOR); }).join("\r\n") + "\r\n";
  }
  function download(text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = "gradebook-" + core.pure.dayOf(new Date()) + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  /* ---------- the page ---------- */

  function show() {
    var text = $("[data-team-input]").value;
    var got = read(text);
    people = got.people;
    var said = [];
    if (got.accepted) said.push(t("team_count", { n: got.accepted }));
    if (got.duplicates) said.push(t("team_duplicates", { n: got.duplicates }));
    if (got.refused.length) said.push("✗ " + t("team_refused", { n: got.refused.length }));
    if (!got.accepted && !got.refused.length) said = [t("team_none")];
    $("[data-team-errors]").textContent = said.join(" ");
    var list = $("[data-team-refused]");
    list.innerHTML = got.refused.map(function (r) {
      return "<li>" + esc(t("team_refused_item", { line: r.line, name: r.name || t("team_unknown_name"), why: t("team_why_" + r.why, { v: r.version }) })) + "</li>";
    }).join("");
    $("[data-team-refused-box]").hidden = got.refused.length === 0;
    book.hidden = people.length === 0;
    table.hidden = people.length === 0;
    $("[data-cert-result]").textContent = "";
    if (people.length) render();
  }

  $("[data-action=show-team]").addEventListener("click", show);
  $("[data-filter-name]").addEventListener("input", function () { render(); });
  $("[data-filter-status]").addEventListener("change", function () { render(); });
  $("[data-action=page-prev]").addEventListener("click", function () { page -= 1; draw(false); });
  $("[data-action=page-next]").addEventListener("click", function () { page += 1; draw(false); });
  window.addEventListener("beforeprint", function () { if (people.length) draw(true); });
  window.addEventListener("afterprint", function () { if (people.length) draw(false); });
  table.querySelectorAll("thead th[data-col] button").forEach(function (button) {
    button.addEventListener("click", function () {
      var col = button.closest("th").dataset.col;
      sort = { col: col, dir: sort.col === col ? -sort.dir : 1 };
      render();  /* the header is not redrawn: the button keeps the keyboard focus */
    });
  });
  $("[data-action=export-team]").addEventListener("click", function () { download(csv(shown)); });
  $("[data-action=print-team]").addEventListener("click", function () { draw(true); window.print(); draw(false); });
  $("[data-action=check-cert]").addEventListener("click", function () {
    var wanted = $("[data-cert-number]").value.toUpperCase().replace(/[^0-9A-F]/g, "");
    var said = $("[data-cert-result]");
    if (wanted.length !== 8) { said.textContent = t("team_cert_format"); return; }
    var number = wanted.slice(0, 4) + "-" + wanted.slice(4);
    var match = people.filter(function (p) { return p.cert === number; });
    said.textContent = match.length
      ? "✓ " + t("team_cert_match", { number: number, name: match[0].name || "—", date: match[0].report.cert, score: match[0].final.score })
      : "✗ " + t("team_cert_nomatch", { number: number });
  });

  /* for tests/gradebook_bench.py: the same steps as the buttons, without the download */
  window.courseGradebook = { show: show, render: render, csv: function () { return csv(shown); } };
})();
