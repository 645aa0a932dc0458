// Accessibility fixes to stock Material for MkDocs that its templates cannot express
// (see also a11y.css); checked by tests/browser/test_accessibility.py.
(function () {
  "use strict";

  /**
   * Material opens the navigation drawer and the search on small screens with
   * <label for="…"> elements, which the keyboard cannot reach (and a label may not
   * take role="button"). Wrap each label's icon in a named button that Tab reaches,
   * Enter or Space operates, and that moves the focus into what it opened.
   * @param {HTMLLabelElement} label
   * @param {string} name
   * @param {string} inside selector of the element to focus once open
   */
  function makeButton(label, name, inside) {
    var toggle = /** @type {HTMLInputElement | null} */ (document.getElementById(label.htmlFor));
    if (!toggle || label.querySelector("[role='button']")) return;
    var button = document.createElement("span");
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      label.click();
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
      var target = /** @type {HTMLElement | null} */ (document.querySelector(inside));
      if (!toggle.checked || document.activeElement !== button || !target) return;
      if (!target.matches("input")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
  }

  document$.subscribe(function () {
    var nav = document.querySelector(".md-sidebar--primary nav[aria-label]");
    var search = document.querySelector(".md-search__input");
    var drawer = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    var opener = document.querySelector('.md-header label.md-header__button[for="__search"]');
    if (drawer && nav) makeButton(/** @type {HTMLLabelElement} */ (drawer), nav.getAttribute("aria-label") || "Navigation", ".md-sidebar--primary nav");
    if (opener && search) makeButton(/** @type {HTMLLabelElement} */ (opener), search.getAttribute("aria-label") || "Search", ".md-search__input");
    // The search is a role="dialog" without a name (axe: aria-dialog-name).
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && search && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", search.getAttribute("aria-label") || "Search");
  });
})();
