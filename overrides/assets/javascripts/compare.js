// The comparison's filters ("show only differences", one group at a time) and its rows'
// details. The page is complete without this module: it reveals the controls the
// template renders hidden, and opens a row's details when the address points at the row.
// The view lives in the address (?diff=1&group=<id>), so it survives a reload, instant
// navigation and a shared link.

/** @typedef {{ diff: boolean, group: string }} View */

/**
 * @param {URLSearchParams} params
 * @param {string[]} groups the group ids on the page
 * @returns {View}
 */
function readView(params, groups) {
  const group = params.get("group") || "";
  return { diff: params.get("diff") === "1", group: groups.includes(group) ? group : "" };
}

/**
 * The current address with the view's parameters set, other parameters and the hash kept.
 * @param {View} view
 * @returns {string}
 */
function addressFor(view) {
  const url = new URL(location.href);
  if (view.diff) url.searchParams.set("diff", "1");
  else url.searchParams.delete("diff");
  if (view.group) url.searchParams.set("group", view.group);
  else url.searchParams.delete("group");
  return url.pathname + url.search + url.hash;
}

/** @returns {HTMLElement | null} the element the address points at, if any */
function target() {
  const id = decodeURIComponent(location.hash.slice(1));
  return id ? document.getElementById(id) : null;
}

/**
 * @param {HTMLElement} root the [data-kb-component="compare"] element
 * @param {AbortSignal} signal aborted when the page is left
 */
export function mount(root, signal) {
  const sections = /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll("[data-kb-group]")));
  const groups = sections.map((s) => s.getAttribute("data-kb-group") || "");
  const controls = /** @type {HTMLElement | null} */ (root.querySelector(".kb-compare__controls"));

  // A link to a row opens the row's details; one the filters hide widens the view to show it.
  function revealTarget() {
    const found = target();
    const row = found && root.contains(found) ? found.closest(".kb-compare__row") : null;
    if (!found || !root.contains(found)) return;
    if (row) /** @type {HTMLDetailsElement} */ (row.querySelector("details")).open = true;
    if (controls && found.closest("[hidden]")) {
      const section = found.closest("[data-kb-group]");
      const view = current();
      if (section && view.group && section.getAttribute("data-kb-group") !== view.group) view.group = "";
      if (row && row.getAttribute("data-kb-differs") === "false") view.diff = false;
      change(view);
      found.scrollIntoView();
    }
  }

  window.addEventListener("hashchange", revealTarget, { signal });
  if (!controls) {
    revealTarget();
    return; // one group's table, or one framework: nothing to filter
  }
  const diffBox = /** @type {HTMLInputElement} */ (controls.querySelector('input[name="diff"]'));
  const groupSelect = /** @type {HTMLSelectElement} */ (controls.querySelector('select[name="group"]'));
  const status = /** @type {HTMLElement} */ (controls.querySelector(".kb-compare__status"));
  const total = root.querySelectorAll(".kb-compare__row").length;

  /** @param {View} view */
  function apply(view) {
    let shown = 0;
    for (const section of sections) {
      const inGroup = !view.group || section.getAttribute("data-kb-group") === view.group;
      let visible = 0;
      for (const row of /** @type {NodeListOf<HTMLElement>} */ (section.querySelectorAll(".kb-compare__row"))) {
        const show = inGroup && (!view.diff || row.getAttribute("data-kb-differs") === "true");
        row.hidden = !show;
        if (show) visible += 1;
      }
      section.hidden = !inGroup;
      /** @type {HTMLElement} */ (section.querySelector(".kb-compare__head")).hidden = visible === 0;
      /** @type {HTMLElement} */ (section.querySelector(".kb-compare__none")).hidden = !(inGroup && visible === 0);
      shown += visible;
    }
    diffBox.checked = view.diff;
    groupSelect.value = view.group;
    status.textContent = shown === total ? `Showing all ${total} criteria` : `Showing ${shown} of ${total} criteria`;
  }

  /** @param {View} view */
  function change(view) {
    history.replaceState(history.state, "", addressFor(view));
    apply(view);
  }

  function current() {
    return readView(new URL(location.href).searchParams, groups);
  }

  // After the reader changes a filter far down the page, bring the start of the table back into view.
  function backToTop() {
    const top = root.getBoundingClientRect().top;
    if (top < 0 && controls) window.scrollBy(0, top - controls.offsetHeight);
  }

  diffBox.addEventListener("change", () => {
    change({ ...current(), diff: diffBox.checked });
    backToTop();
  }, { signal });
  groupSelect.addEventListener("change", () => {
    change({ ...current(), group: groupSelect.value });
    backToTop();
  }, { signal });

  controls.hidden = false;
  apply(current());
  revealTarget();
}
