// The FAQ's filter box: narrows the questions as you type. Every question is on
// the page without this module; it reveals the box the template renders hidden.
// A question matches when each word typed appears in it, in its other phrasings
// or in its answer.

/**
 * Lower case, accents folded, so that "cafe" finds "café".
 * @param {string} text
 * @returns {string}
 */
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * @param {Element} entry a .kb-faq__entry section
 * @returns {string}
 */
function searchableText(entry) {
  const parts = entry.querySelectorAll("h3, .kb-faq__aka, .kb-faq__answer");
  return fold(Array.from(parts, (el) => el.textContent || "").join(" "));
}

/**
 * @param {HTMLElement} root the [data-kb-component="faq-filter"] element
 * @param {AbortSignal} signal aborted when the page is left
 */
export function mount(root, signal) {
  const box = /** @type {HTMLElement} */ (root.querySelector(".kb-faq__filter"));
  const input = /** @type {HTMLInputElement} */ (box.querySelector("input"));
  const status = /** @type {HTMLElement} */ (box.querySelector(".kb-faq__status"));
  const empty = /** @type {HTMLElement} */ (root.querySelector(".kb-faq__empty"));
  const categories = /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll(".kb-faq__category")));
  const entries = Array.from(root.querySelectorAll(".kb-faq__entry"), (el) => ({ el: /** @type {HTMLElement} */ (el), text: searchableText(el) }));

  function apply() {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const entry of entries) {
      const match = words.every((w) => entry.text.includes(w));
      entry.el.hidden = !match;
      if (match) shown += 1;
    }
    for (const category of categories) category.hidden = !category.querySelector(".kb-faq__entry:not([hidden])");
    empty.hidden = shown > 0;
    status.textContent = words.length ? `${shown} of ${entries.length} questions` : `${entries.length} questions`;
  }

  // A link to a question the filter hides clears the filter.
  function revealTarget() {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target || !root.contains(target) || !target.closest("[hidden]")) return;
    input.value = "";
    apply();
    target.scrollIntoView();
  }

  input.addEventListener("input", apply, { signal });
  window.addEventListener("hashchange", revealTarget, { signal });
  box.hidden = false;
  apply(); // the browser may have restored a value typed before a reload
}
