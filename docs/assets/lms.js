/*
 * The SCORM session of one visit, run by the package's launch page (scorm.html, written by
 * hooks/scorm_package.py into the SCORM builds only). SCORM allows one Initialize and one
 * Terminate per launch, and this course has many pages: so the launch page holds the session and
 * shows the course in a frame, and moving between pages never ends it. The course pages find
 * window.courseLmsSession among their parent frames (docs/assets/course-core.js, the only code
 * that reads or writes the learning record) and give it the record and its figures.
 *
 * What it does with the LMS (version 1.2 or 2004, from the launch page's #scorm-config):
 *  - finds the API the standard way: this window and up to 10 parents, then the opener and its
 *    parents (API for 1.2, API_1484_11 for 2004);
 *  - on launch: Initialize; status incomplete (1.2: unless passed or completed already; 2004:
 *    completion_status, unless completed); reads the learner's name and id, the bookmark and
 *    suspend_data; opens the bookmarked page (or the home page in the learner's language);
 *  - on every change the course reports: suspend_data, score (raw, min, max; scaled in 2004),
 *    status (1.2: passed or failed; 2004: success_status and completion_status apart), Commit;
 *    a status is never taken back (passed stays passed, completed stays completed);
 *  - on every page shown in the frame: the bookmark (lesson_location / location), Commit;
 *  - on leaving (pagehide, beforeunload, once): session time, exit "suspend" (the next launch
 *    resumes), Terminate (which persists what was set).
 * An LMS that is missing or answers with an error never stops the course: each call is guarded,
 * the error is logged with the LMS's own code and text (console.warn), and the course keeps the
 * record on the device (course-core.js says so on the page).
 *
 * Hand-written rather than a wrapper library (pipwerks and the like): a wrapper would still need
 * this file's session rules, and the calls it saves are the few below.
 */
(function () {
  "use strict";
  var configNode = document.getElementById("scorm-config");
  var frame = document.getElementById("course-frame");
  if (!configNode || !frame) return;
  var config = JSON.parse(configNode.textContent);

  var V = config.version === "2004" ? {
    api: "API_1484_11", init: "Initialize", finish: "Terminate", get: "GetValue", set: "SetValue", commit: "Commit",
    error: "GetLastError", text: "GetErrorString", name: "cmi.learner_name", id: "cmi.learner_id", location: "cmi.location",
    data: "cmi.suspend_data", exit: "cmi.exit", time: "cmi.session_time", language: "cmi.learner_preference.language",
    limit: 64000, locationLimit: 1000, notSet: ["403"]
  } : {
    api: "API", init: "LMSInitialize", finish: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
    error: "LMSGetLastError", text: "LMSGetErrorString", name: "cmi.core.student_name", id: "cmi.core.student_id",
    location: "cmi.core.lesson_location", data: "cmi.suspend_data", exit: "cmi.core.exit", time: "cmi.core.session_time",
    language: "cmi.student_preference.language", limit: 4096, locationLimit: 255, notSet: []
  };

  /* ---------- finding the API ---------- */
  function search(win) {
    for (var i = 0; win && i <= 10; i++) {
      try { if (win[V.api]) return win[V.api]; } catch (e) { return null; }  /* a frame of another origin */
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  function discover() {
    var api = search(window);
    if (!api && window.opener) api = search(window.opener);
    if (!api) { try { if (window.top.opener) api = search(window.top.opener); } catch (e) { api = null; } }
    return api;
  }

  var api = discover();
  var live = false;  /* between a successful Initialize and Terminate */
  var started = Date.now();
  var sent = {};  /* what the LMS took, element by element: a value is set again only when it changes */
  var dirty = false;  /* something set since the last successful Commit */

  function warn(what) {
    var code = "", text = "";
    try { code = String(api[V.error]()); text = String(api[V.text](code)); } catch (e) { text = String(e); }
    console.warn("[course] LMS refused " + what + ": error " + code + " " + text);
    return code;
  }
  function call(method, args, what) {
    if (!api) return false;
    try {
      var result = api[method].apply(api, args || []);
      if (result === true || result === "true") return true;
    } catch (e) {
      console.warn("[course] LMS " + (what || method) + " failed: " + e);
      return false;
    }
    warn(what || method);
    return false;
  }
  function get(element) {
    if (!live) return "";
    try {
      var value = api[V.get](element);
      var code = String(api[V.error]());
      if (code !== "0" && code !== "" && V.notSet.indexOf(code) === -1) warn("reading " + element);
      return value === null || value === undefined ? "" : String(value);
    } catch (e) {
      console.warn("[course] LMS reading " + element + " failed: " + e);
      return "";
    }
  }
  function set(element, value) {
    value = String(value);
    if (!live) return false;
    if (sent[element] === value) return true;
    if (!call(V.set, [element, value], "setting " + element + " to " + JSON.stringify(value.slice(0, 40)))) return false;
    sent[element] = value;
    dirty = true;
    return true;
  }
  function commit() {
    if (!live) return false;
    if (!dirty) return true;
    if (!call(V.commit, [""], "Commit")) return false;
    dirty = false;
    return true;
  }

  /* "Last, First" (the usual order of student_name) as the certificate writes it: "First Last". */
  function displayName(name) {
    var parts = String(name || "").split(",");
    return (parts.length === 2 ? parts[1].trim() + " " + parts[0].trim() : String(name || "")).trim();
  }
  /* SCORM 1.2 CMITimespan HHHH:MM:SS.SS; SCORM 2004 ISO 8601 duration. */
  function span(ms) {
    var s = Math.max(0, Math.round(ms / 10) / 100);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = (s % 60).toFixed(2);
    if (config.version === "2004") return "PT" + h + "H" + m + "M" + sec.replace(/\.?0+$/, "") + "S";
    return ("000" + Math.min(h, 9999)).slice(-4) + ":" + ("0" + m).slice(-2) + ":" + ("0" + sec).slice(-5);
  }

  /* ---------- launch ---------- */
  var status = {};  /* the statuses as the LMS holds them: never taken back */
  if (api) live = call(V.init, [""], V.init);
  else console.warn("[course] no SCORM " + config.version + " API found: progress stays on this device");
  if (live) {
    if (config.version === "2004") {
      status.completion = get("cmi.completion_status");
      status.success = get("cmi.success_status");
      if (status.completion !== "completed" && set("cmi.completion_status", "incomplete")) status.completion = "incomplete";
    } else {
      status.lesson = get("cmi.core.lesson_status");
      if (status.lesson !== "passed" && status.lesson !== "completed" && set("cmi.core.lesson_status", "incomplete")) status.lesson = "incomplete";
    }
    commit();
  }
  var learnerId = live ? get(V.id) : "";
  var held = live ? get(V.data) : "";
  if (held) sent[V.data] = held;

  function store(data, report) {
    if (!live) return false;
    var ok = true;
    if (data.length > V.limit) {
      console.warn("[course] the record is " + data.length + " characters, more than this LMS keeps (" + V.limit + "): kept on this device only");
      ok = false;
    } else {
      ok = set(V.data, data) && ok;
    }
    if (report.score !== null) {
      if (config.version === "2004") ok = set("cmi.score.scaled", String(report.score / 100)) && ok;
      ok = set(config.version === "2004" ? "cmi.score.min" : "cmi.core.score.min", "0") && ok;
      ok = set(config.version === "2004" ? "cmi.score.max" : "cmi.core.score.max", "100") && ok;
      ok = set(config.version === "2004" ? "cmi.score.raw" : "cmi.core.score.raw", String(report.score)) && ok;
    }
    if (config.version === "2004") {
      var success = report.success === "passed" || status.success === "passed" ? "passed" : report.success;
      if (success && set("cmi.success_status", success)) status.success = success;
      if (report.complete && status.completion !== "completed" && set("cmi.completion_status", "completed")) status.completion = "completed";
      if (report.lessons) ok = set("cmi.progress_measure", String(Math.round(100 * report.passedLessons / report.lessons) / 100)) && ok;
    } else {
      var lesson = report.success === "passed" || status.lesson === "passed" ? "passed" : report.success;
      if (lesson && set("cmi.core.lesson_status", lesson)) status.lesson = lesson;
    }
    return commit() && ok;
  }

  /* ---------- the page in the frame: bookmark ---------- */
  var root = new URL(".", location.href).href;
  function pageOf(win) {
    try {
      var href = win.location.href.split("#")[0].split("?")[0];
      return href.indexOf(root) === 0 ? decodeURI(href.slice(root.length)) : null;
    } catch (e) { return null; }  /* a page of another site, opened from a link: not a bookmark */
  }
  function known(page) { return typeof page === "string" && /^[A-Za-z0-9_\/.-]+\.html$/.test(page) && page.indexOf("..") === -1 && page !== "scorm.html"; }
  frame.addEventListener("load", function () {
    var page = pageOf(frame.contentWindow);
    if (!live || !known(page) || page.length > V.locationLimit) return;
    if (set(V.location, page)) commit();
  });

  /* ---------- leaving ---------- */
  var finished = false;
  function finish() {
    if (finished || !live) return;
    finished = true;
    set(V.time, span(Date.now() - started));
    set(V.exit, "suspend");
    /* no Commit of its own: Terminate persists everything (SCORM RTE), and browsers refuse the
       synchronous request an LMS's Commit may make while a page is being left */
    call(V.finish, [""], V.finish);
    live = false;
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  /* Only a live session is offered to the course: without one (no API, or Initialize refused)
     the course is the plain site, its record in this browser, and says so. */
  if (live) {
    window.courseLmsSession = {
      version: config.version,
      learnerName: displayName(get(V.name)),
      learnerKey: learnerId || "anonymous",
      data: function () { return held; },
      store: store,
      finish: finish
    };
  }

  /* ---------- the first page ---------- */
  var bookmark = live ? get(V.location) : "";
  var start = known(bookmark) ? bookmark : null;
  if (!start) {
    var wanted = [live ? get(V.language) : ""].concat(navigator.languages || [navigator.language || ""]);
    var lang = wanted.map(function (l) { return String(l || "").slice(0, 2).toLowerCase(); })
      .filter(function (l) { return config.start[l]; })[0];
    start = config.start[lang || config.default];
  }
  frame.src = start;
})();
