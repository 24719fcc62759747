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
 * is not lost: search opens with the cursor in its box (by tap or by /, s, f), a colour chosen on
 * the toggle is applied and kept, and n or p (next, previous page) is passed on to Material.
 */
(function () {
  "use strict";
  var tag = document.querySelector("script[data-theme-bundle]");
  if (!tag) return;
  var FIRST = ["pointerdown", "pointermove", "touchstart", "keydown", "focusin", "wheel", "scroll"];
  var SEARCH_KEY = /^[\/sSfF]$/;  /* Material's keys that open search */
  var PAGE_KEY = /^[nNpP.,]$/;     /* and that go to the next or previous page */
  var parsed = document.readyState !== "loading";
  var running = false;
  var key = null;  /* a page key pressed before Material ran */

  if (!parsed) document.addEventListener("DOMContentLoaded", function () { parsed = true; }, { once: true });

  function searchBox() { return document.querySelector("[data-md-component=search-query]"); }

  /* Until Material runs, what it would do at once is done here: the search box takes the cursor
     when search opens (on a phone, in the tap itself, so the keyboard comes up), and a colour
     picked on the toggle is applied and stored as Material stores it. */
  function early(event) {
    if (running) return;
    var target = event.target;
    if (event.type === "keydown") {
      if (event.ctrlKey || event.metaKey || event.altKey || (target.closest && target.closest("input, textarea, select, [contenteditable]"))) return;
      if (SEARCH_KEY.test(event.key) && searchBox()) {
        event.preventDefault();
        document.getElementById("__search").checked = true;
        searchBox().focus();  /* what is typed next goes into the box */
      } else if (PAGE_KEY.test(event.key)) {
        key = { target: target, key: event.key, code: event.code, shiftKey: event.shiftKey };
      }
    } else if (target.id === "__search" && target.checked && searchBox()) {
      searchBox().focus();
    } else if (target.closest && target.closest("[data-md-component=palette]") && window.coursePalette) {
      window.coursePalette(target, true);
    }
  }

  function listen(on) {
    FIRST.forEach(function (type) {
      if (on) window.addEventListener(type, start, { capture: true, passive: true });
      else window.removeEventListener(type, start, true);
    });
  }

  function start() {
    listen(false);
    var script = document.createElement("script");
    script.src = tag.src;
    script.onload = function () {
      running = true;
      document.removeEventListener("keydown", early, true);
      document.removeEventListener("change", early, true);
      if (parsed) document.dispatchEvent(new Event("DOMContentLoaded"));
      if (key) key.target.dispatchEvent(new KeyboardEvent("keydown", { key: key.key, code: key.code, shiftKey: key.shiftKey, bubbles: true, cancelable: true }));
    };
    script.onerror = function () {  /* no connection: the next interaction tries again */
      script.remove();
      listen(true);
    };
    document.body.appendChild(script);
  }

  document.addEventListener("keydown", early, true);
  document.addEventListener("change", early, true);
  /* The reader may have acted while the page was still loading, before this ran: a box or
     button already has the focus, or a query is already typed. Then Material starts now. */
  var box = searchBox();
  if ((document.activeElement && document.activeElement !== document.body) || (box && box.value)) start();
  else listen(true);
  function fetchSoon() {
    var hint = document.createElement("link");
    hint.rel = "prefetch";
    hint.href = tag.src;
    document.head.appendChild(hint);
  }
  if (location.protocol === "file:") return;  /* from disk the file is at hand */
  if (document.readyState === "complete") fetchSoon(); else window.addEventListener("load", fetchSoon, { once: true });
})();
