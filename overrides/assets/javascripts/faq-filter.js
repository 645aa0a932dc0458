// The FAQ's filter box: narrows the questions as you type. Every question is on
// the page without this script; it reveals the box the template renders hidden.
// A question matches when each word typed appears in it, in its other phrasings
// or in its answer. Mounted by site.js.
(function () {
  "use strict";

  /**
   * Lower case, accents folded, so that "cafe" finds "café".
   * @param {string} text
   * @returns {string}
   */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /**
   * @param {HTMLElement} entry  a .kb-faq__entry section
   * @returns {string}
   */
  function searchableText(entry) {
    var parts = entry.querySelectorAll("h3, .kb-faq__aka, .kb-faq__answer");
    return fold(Array.prototype.map.call(parts, function (el) { return el.textContent || ""; }).join(" "));
  }

  /** @param {HTMLElement} root  the [data-kb-component="faq-filter"] element */
  function mountFaqFilter(root) {
    var box = /** @type {HTMLElement} */ (root.querySelector(".kb-faq__filter"));
    var input = /** @type {HTMLInputElement} */ (box.querySelector("input"));
    var status = /** @type {HTMLElement} */ (box.querySelector(".kb-faq__status"));
    var empty = /** @type {HTMLElement} */ (root.querySelector(".kb-faq__empty"));
    var categories = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(root.querySelectorAll(".kb-faq__category")));
    /** @type {{ el: HTMLElement, text: string }[]} */
    var entries = Array.prototype.map.call(root.querySelectorAll(".kb-faq__entry"), function (el) {
      return { el: el, text: searchableText(el) };
    });

    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      entries.forEach(function (entry) {
        var match = words.every(function (w) { return entry.text.indexOf(w) >= 0; });
        entry.el.hidden = !match;
        if (match) shown += 1;
      });
      categories.forEach(function (category) {
        category.hidden = !category.querySelector(".kb-faq__entry:not([hidden])");
      });
      empty.hidden = shown > 0;
      status.textContent = words.length ? shown + " of " + entries.length + " questions" : entries.length + " questions";
    }

    // A link to a question the filter hides clears the filter.
    function revealTarget() {
      if (!root.isConnected) {
        window.removeEventListener("hashchange", revealTarget);
        return;
      }
      var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      if (!target || !root.contains(target) || !target.closest("[hidden]")) return;
      input.value = "";
      apply();
      target.scrollIntoView();
    }

    input.addEventListener("input", apply);
    window.addEventListener("hashchange", revealTarget);
    box.hidden = false;
    apply(); // the browser may have restored a value typed before a reload
  }

  (window.kbComponents = window.kbComponents || {})["faq-filter"] = mountFaqFilter;
})();
