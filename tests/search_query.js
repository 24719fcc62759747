async (query) => {
  // One search query run in a page as a learner's browser runs it: the box's value set at once
  // (typed or pasted), then its input and keyup events, which Material reads. Resolves, once the
  // result list has changed, with {ms, sinceLoad, pages}: the pages of the results, best first,
  // no repeats. Used by tests/test_browser_search.py and tests/search_bench.py.
  const box = document.querySelector("input[data-md-component=search-query]");
  const output = document.querySelector("[data-md-component=search-result]");
  const before = output.innerHTML;
  const placeholder = JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"];
  const meta = output.querySelector(".md-search-result__meta");
  // shown: the list changed and, for a query, says something other than "type to start searching"
  const done = () => output.innerHTML !== before && (!query || meta.textContent.trim() !== placeholder);
  const start = performance.now();
  const changed = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (done()) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(output, {childList: true, subtree: true, characterData: true});
    setTimeout(() => { observer.disconnect(); reject(new Error("no results for " + query)); }, 20000);
  });
  box.value = query;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
  const end = await changed;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const pages = [];
  for (const a of output.querySelectorAll(".md-search-result__item > a")) {
    const page = a.href.split("#")[0].split("?")[0];
    if (!pages.includes(page)) pages.push(page);
  }
  const loaded = performance.getEntriesByType("navigation")[0].loadEventEnd;
  return {ms: end - start, sinceLoad: end - loaded, pages};
}
