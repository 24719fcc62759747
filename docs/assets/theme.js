/*
 * Material's script starts at the reader's first interaction, not while the page loads.
 *
 * What it does (search, the colour toggle, tooltips, the table of contents and the header that
 * follow scrolling, keyboard shortcuts) waits for the reader to touch, scroll, type or move the
 * pointer. At load, it cost a phone 150-450 ms of blocked main thread (Lighthouse, mobile: total
 * blocking time), on every page, before anyone could use any of it. The page is drawn as the
 * script would draw it (overrides/partials/javascripts/palette.html sets the colour scheme and
 * its toggle before the first paint); online, the browser fetches the script at low priority once
 * the page has loaded, so it is at hand when the reader first acts.
 *
 * overrides/main.html leaves Material's own tag in the page, inert (type="text/plain"): its
 * address, with the theme's hash, is read from it. Material starts on DOMContentLoaded; when the
 * page is past it, the event is raised again for it (Material listens once; the course's own
 * scripts do not listen for it after the fact). What the reader did before Material was running
 * is not lost: a shortcut key (/, s, f: search; n, p: next and previous page) is passed on, and a
 * colour chosen on the toggle is applied.
 */
(function () {
  "use strict";
  var tag = document.querySelector("script[data-theme-bundle]");
  if (!tag) return;
  var FIRST = ["pointerdown", "pointermove", "touchstart", "keydown", "focusin", "wheel", "scroll"];
  var SHORTCUT = /^[\/sSfFnNpP.,]$/;
  var parsed = document.readyState !== "loading";
  var started = false;
  var key = null;      /* a shortcut pressed before Material ran */
  var colour = null;   /* a colour chosen on the toggle before Material ran */

  if (!parsed) document.addEventListener("DOMContentLoaded", function () { parsed = true; }, { once: true });

  function chosen(event) {
    if (event.target.closest && event.target.closest("[data-md-component=palette]")) colour = event.target;
  }

  function start(event) {
    if (started) return;
    started = true;
    FIRST.forEach(function (type) { window.removeEventListener(type, start, true); });
    var target = event.target;
    if (event.type === "keydown" && SHORTCUT.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey &&
        !(target.closest && target.closest("input, textarea, select, [contenteditable]"))) {
      key = { target: target, key: event.key, code: event.code, shiftKey: event.shiftKey };
    }
    document.addEventListener("change", chosen, true);
    var script = document.createElement("script");
    script.src = tag.src;
    script.onload = function () {
      if (parsed) document.dispatchEvent(new Event("DOMContentLoaded"));
      document.removeEventListener("change", chosen, true);
      if (colour) colour.dispatchEvent(new Event("change", { bubbles: true }));
      if (key) key.target.dispatchEvent(new KeyboardEvent("keydown", { key: key.key, code: key.code, shiftKey: key.shiftKey, bubbles: true, cancelable: true }));
    };
    document.body.appendChild(script);
  }

  FIRST.forEach(function (type) { window.addEventListener(type, start, { capture: true, passive: true }); });
  function fetchSoon() {
    var hint = document.createElement("link");
    hint.rel = "prefetch";
    hint.href = tag.src;
    document.head.appendChild(hint);
  }
  if (location.protocol === "file:") return;  /* from disk the file is at hand */
  if (document.readyState === "complete") fetchSoon(); else window.addEventListener("load", fetchSoon, { once: true });
})();
