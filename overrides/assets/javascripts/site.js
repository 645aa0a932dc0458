// Mounts the site's components. Each component script registers a mount function
// under its name in window.kbComponents; this file (listed last in mkdocs.yml)
// mounts every element carrying data-kb-component on each document$ emission:
// Material's instant navigation swaps the page without reloading scripts.
(function () {
  "use strict";
  /** @type {Record<string, (el: HTMLElement) => void>} */
  var registry = (window.kbComponents = window.kbComponents || {});

  document$.subscribe(function () {
    document.querySelectorAll("[data-kb-component]").forEach(function (el) {
      var name = el.getAttribute("data-kb-component");
      // A page swapped in by instant navigation brings fresh elements; one that
      // is already mounted is left alone, so each component mounts exactly once.
      if (!name || el.hasAttribute("data-kb-mounted") || !registry[name]) return;
      el.setAttribute("data-kb-mounted", "");
      registry[name](/** @type {HTMLElement} */ (el));
    });
  });
})();
