// The comparison table's filters: "show only differences" and one group at a time.
// The page is complete without this module; it reveals the controls the template
// renders hidden. The view lives in the address (?diff=1&group=<id>), so it
// survives a reload, instant navigation and a shared link.

/**
 * @typedef {{ diff: boolean, group: string }} View
 */

/**
 * @param {URLSearchParams} params
 * @param {string[]} groups  the group ids on the page
 * @returns {View}
 */
function readView(params, groups) {
  var group = params.get("group") || "";
  return { diff: params.get("diff") === "1", group: groups.indexOf(group) >= 0 ? group : "" };
}

/**
 * The current address with the view's parameters set, other parameters and the hash kept.
 * @param {View} view
 * @returns {string}
 */
function addressFor(view) {
  var url = new URL(location.href);
  if (view.diff) url.searchParams.set("diff", "1");
  else url.searchParams.delete("diff");
  if (view.group) url.searchParams.set("group", view.group);
  else url.searchParams.delete("group");
  return url.pathname + url.search + url.hash;
}

/**
 * @param {HTMLElement} root the [data-kb-component="compare"] element
 * @param {AbortSignal} signal aborted when the page is left
 */
export function mount(root, signal) {
  var controls = /** @type {HTMLElement | null} */ (root.querySelector(".kb-compare__controls"));
  if (!controls) return; // a single group's table: nothing to filter
  var diffBox = /** @type {HTMLInputElement} */ (controls.querySelector('input[name="diff"]'));
  var groupSelect = /** @type {HTMLSelectElement} */ (controls.querySelector('select[name="group"]'));
  var status = /** @type {HTMLElement} */ (controls.querySelector(".kb-compare__status"));
  var sections = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(root.querySelectorAll("[data-kb-group]")));
  var groups = sections.map(function (s) { return s.getAttribute("data-kb-group") || ""; });
  var total = root.querySelectorAll(".kb-compare__row").length;

  /** @param {View} view */
  function apply(view) {
    var shown = 0;
    sections.forEach(function (section) {
      var inGroup = !view.group || section.getAttribute("data-kb-group") === view.group;
      var rows = section.querySelectorAll(".kb-compare__row");
      var visible = 0;
      rows.forEach(function (row) {
        var show = inGroup && (!view.diff || row.getAttribute("data-kb-differs") === "true");
        /** @type {HTMLElement} */ (row).hidden = !show;
        if (show) visible += 1;
      });
      section.hidden = !inGroup;
      var table = section.querySelector("table");
      var none = section.querySelector(".kb-compare__none");
      if (table) /** @type {HTMLElement} */ (table).hidden = inGroup && visible === 0;
      if (none) /** @type {HTMLElement} */ (none).hidden = !(inGroup && visible === 0);
      shown += visible;
    });
    diffBox.checked = view.diff;
    groupSelect.value = view.group;
    status.textContent = shown === total ? "Showing all " + total + " criteria" : "Showing " + shown + " of " + total + " criteria";
  }

  /** @param {View} view */
  function change(view) {
    history.replaceState(history.state, "", addressFor(view));
    apply(view);
  }

  // After the reader changes a filter far down the page, bring the start of the table back into view.
  function backToTop() {
    var top = root.getBoundingClientRect().top;
    if (top < 0) window.scrollBy(0, top - controls.offsetHeight);
  }

  function current() {
    return readView(new URL(location.href).searchParams, groups);
  }

  // A link to a row or group that the filters hide widens the view to show it.
  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!target || !root.contains(target) || !target.closest("[hidden]")) return;
    var section = target.closest("[data-kb-group]");
    var row = target.closest(".kb-compare__row");
    var view = current();
    if (section && view.group && section.getAttribute("data-kb-group") !== view.group) view.group = "";
    if (row && row.getAttribute("data-kb-differs") === "false") view.diff = false;
    change(view);
    target.scrollIntoView();
  }

  diffBox.addEventListener("change", function () {
    var view = current();
    view.diff = diffBox.checked;
    change(view);
    backToTop();
  }, { signal: signal });
  groupSelect.addEventListener("change", function () {
    var view = current();
    view.group = groupSelect.value;
    change(view);
    backToTop();
  }, { signal: signal });
  window.addEventListener("hashchange", revealTarget, { signal: signal });

  controls.hidden = false;
  apply(current());
  revealTarget();
}
