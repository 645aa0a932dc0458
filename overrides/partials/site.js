// The site's one script on every page, written into the page by overrides/main.html (so it
// costs no request of its own). On each page view, which is each emission of Material's
// document$ (instant navigation swaps the content without reloading scripts), it:
// - stops the components whose element has left the page: the AbortSignal each was given
//   removes every listener it added;
// - mounts each [data-kb-component] element, importing that component's module only on
//   pages that have one (assets/javascripts/<name>.js, which exports mount(el, signal));
// - makes Material's header buttons keyboard-operable and names the search dialog;
// - marks the page data-kb-ready once all of that is done (each component's element gets
//   data-kb-mounted), a state anything waiting for the page can check.

const MODULES = { "compare": "compare.js", "faq-filter": "faq-filter.js", "decision-tree": "decision-tree.js" };
// Material's page config gives the site root relative to the page: fix it once, as an
// absolute URL, before instant navigation moves the page elsewhere.
const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
const scripts = new URL("assets/javascripts/", new URL(config.base || ".", location.href));
/** @type {Map<Element, AbortController>} */
const mounted = new Map();

document$.subscribe(() => {
  const root = document.documentElement;
  root.removeAttribute("data-kb-ready");
  for (const [el, controller] of mounted) {
    if (!el.isConnected) {
      controller.abort();
      mounted.delete(el);
    }
  }
  const pending = [];
  for (const el of document.querySelectorAll("[data-kb-component]")) {
    const file = MODULES[el.getAttribute("data-kb-component") || ""];
    if (!file || mounted.has(el)) continue;
    const controller = new AbortController();
    mounted.set(el, controller);
    pending.push(import(new URL(file, scripts).href).then((module) => {
      if (controller.signal.aborted) return;
      module.mount(el, controller.signal);
      el.setAttribute("data-kb-mounted", "");
    }));
  }
  fixHeader();
  Promise.all(pending).then(() => root.setAttribute("data-kb-ready", ""));
});

/**
 * Material opens the navigation drawer and the search on small screens with
 * <label for="…"> elements, which the keyboard cannot reach (and a label may not
 * take role="button"). Wrap each label's icon in a named button that Tab reaches,
 * Enter or Space operates, and that moves the focus into what it opened.
 * The header stays across instant navigation, so this runs once per label.
 * @param {HTMLLabelElement} label
 * @param {string} name
 * @param {string} inside selector of the element to focus once open
 */
function makeButton(label, name, inside) {
  const toggle = /** @type {HTMLInputElement | null} */ (document.getElementById(label.htmlFor));
  if (!toggle || label.querySelector("[role='button']")) return;
  const button = document.createElement("span");
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", name);
  button.setAttribute("aria-expanded", String(toggle.checked));
  while (label.firstChild) button.appendChild(label.firstChild);
  label.appendChild(button);
  button.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    label.click();
  });
  toggle.addEventListener("change", () => {
    button.setAttribute("aria-expanded", String(toggle.checked));
    const target = /** @type {HTMLElement | null} */ (document.querySelector(inside));
    if (!toggle.checked || document.activeElement !== button || !target) return;
    if (!target.matches("input")) target.setAttribute("tabindex", "-1");
    target.focus();
  });
}

function fixHeader() {
  const nav = document.querySelector(".md-sidebar--primary nav[aria-label]");
  const search = document.querySelector(".md-search__input");
  const drawer = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  const opener = document.querySelector('.md-header label.md-header__button[for="__search"]');
  if (drawer && nav) makeButton(/** @type {HTMLLabelElement} */ (drawer), nav.getAttribute("aria-label") || "Navigation", ".md-sidebar--primary nav");
  if (opener && search) makeButton(/** @type {HTMLLabelElement} */ (opener), search.getAttribute("aria-label") || "Search", ".md-search__input");
  // The search is a role="dialog" without a name (axe: aria-dialog-name).
  const dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && search && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", search.getAttribute("aria-label") || "Search");
}
