// The "Which should I choose?" tree on /decide/: one question at a time. The answers
// given live in the URL hash (#q=team:python,py-work:api), so reloading, sharing and
// the browser's back and forward buttons all restore the same step.
//
// The page's outline (macros/templates/decision-tree.html) is the only HTML: this module
// shows one step at a time by copying parts of it, and reads only the structure (ids and
// how they connect) from the mount element's data-kb-tree attribute.

/**
 * @typedef {{left: number[], answers: string[][]}} Question  left: fewest and most questions
 *   from this one to a result, itself included; answers: [answer id, next node id]
 * @typedef {{recommend: string[]}} Result  framework ids, preferred first
 * @typedef {{root: string, questions: Object<string, Question>, results: Object<string, Result>}} Tree
 * @typedef {{q: string, a: string}} Step  an answer given: question id and answer id
 */

const STATE = /^#q=/;
// The URL a browser back/forward move went to. Material answers the first such move
// after a full page load by swapping in a fresh copy of the page; the tree mounted
// there takes the focus, as the one it replaces did.
let traversed = "";

/**
 * @param {string} tag
 * @param {string} [name] BEM element name, after "kb-tree__"
 * @param {string} [text]
 * @returns {HTMLElement}
 */
function make(tag, name, text) {
  const el = document.createElement(tag);
  if (name) el.className = "kb-tree__" + name;
  if (text) el.textContent = text;
  return el;
}

/**
 * A copy of an outline element's children, appended to a new element.
 * @param {string} tag
 * @param {string} name
 * @param {Element} from
 * @returns {HTMLElement}
 */
function copy(tag, name, from) {
  const el = make(tag, name);
  from.childNodes.forEach((node) => el.appendChild(node.cloneNode(true)));
  return el;
}

/**
 * @param {HTMLElement} root the [data-kb-component="decision-tree"] element
 * @param {AbortSignal} signal aborted when the page is left
 */
export function mount(root, signal) {
  /** @type {Tree} */
  const tree = JSON.parse(root.getAttribute("data-kb-tree") || "");
  const outline = /** @type {HTMLElement} */ (root.querySelector(".kb-tree__outline"));
  const app = /** @type {HTMLElement} */ (root.querySelector(".kb-tree__app"));
  const live = /** @type {HTMLElement} */ (root.querySelector(".kb-tree__live"));
  const path = location.pathname;
  /** @type {Step[]} */
  let shown = [];

  /** @param {string} id @returns {Element} the node's block in the outline */
  const block = (id) => /** @type {Element} */ (outline.querySelector(`[id="kb-dt-${CSS.escape(id)}"]`));

  /** @param {Element} node @param {string} part @returns {Element} a part of a block, not of the blocks nested in it */
  const part = (node, part) => /** @type {Element} */ (node.querySelector(`:scope > .kb-tree__${part}`));

  /** @param {Step} step @returns {string} the node this answer leads to */
  function next(step) {
    const answer = tree.questions[step.q].answers.find((a) => a[0] === step.a);
    return answer ? answer[1] : "";
  }

  /** @param {Step} step @returns {Element} the answer's label in the outline */
  function label(step) {
    return /** @type {Element} */ (block(step.q).querySelector(`:scope > ul > li[data-kb-answer="${CSS.escape(step.a)}"] > .kb-tree__label`));
  }

  /**
   * The steps a hash spells, from the root, as far as each pair names the current
   * question and one of its answers.
   * @param {string} hash
   * @returns {Step[]}
   */
  function parse(hash) {
    /** @type {Step[]} */
    const steps = [];
    let node = tree.root;
    for (const pair of STATE.test(hash) ? hash.slice(3).split(",") : []) {
      const [q, a] = pair.split(":");
      const step = { q, a };
      if (q !== node || !tree.questions[node] || !next(step)) break;
      steps.push(step);
      node = next(step);
    }
    return steps;
  }

  /** @param {Step[]} steps @returns {string} the URL of this page at those steps */
  function urlOf(steps) {
    return steps.length ? "#q=" + steps.map((s) => s.q + ":" + s.a).join(",") : location.pathname + location.search;
  }

  /** @param {Step[]} steps @returns {HTMLElement} the group of buttons */
  function actions(steps) {
    const bar = make("div", "actions");
    for (const [text, target] of /** @type {[string, Step[]][]} */ ([["Back", steps.slice(0, -1)], ["Start over", []]])) {
      const button = make("button", "action", text);
      button.addEventListener("click", () => go(target), { signal });
      bar.appendChild(button);
    }
    return bar;
  }

  /**
   * @param {string} id
   * @param {Step[]} steps
   * @param {string} previous the answer given before going back to this question
   * @returns {HTMLElement} the heading
   */
  function question(id, steps, previous) {
    const q = tree.questions[id];
    const source = block(id);
    const n = steps.length + 1;
    const most = steps.length + q.left[1];
    const text = n + (steps.length + q.left[0] === most ? " of " : " of up to ") + most;
    const progress = make("p", "progress", "Question " + text);
    const bar = /** @type {HTMLProgressElement} */ (make("progress", "bar"));
    bar.max = most;
    bar.value = n;
    bar.setAttribute("aria-hidden", "true");
    progress.appendChild(bar);
    const heading = copy("h2", "title", part(source, "question").firstElementChild || part(source, "question"));
    heading.id = "kb-tree-question";
    const answers = make("div", "answers");
    answers.setAttribute("role", "group");
    answers.setAttribute("aria-labelledby", heading.id);
    for (const [answer] of q.answers) {
      const step = { q: id, a: answer };
      const button = copy("button", "answer", label(step));
      if (answer === previous) {
        button.classList.add("kb-tree__answer--previous");
        button.appendChild(make("span", "previous", " (your previous answer)"));
      }
      button.addEventListener("click", () => go(steps.concat(step)), { signal });
      answers.appendChild(button);
    }
    app.append(progress, heading, copy("div", "help", part(source, "help")), answers);
    if (steps.length) app.appendChild(actions(steps));
    live.textContent = "Question " + text + ": " + heading.textContent;
    return heading;
  }

  /**
   * @param {string} id
   * @param {Step[]} steps
   * @returns {HTMLElement} the heading
   */
  function result(id, steps) {
    const box = make("section", "result");
    box.setAttribute("data-recommend", tree.results[id].recommend.join(" "));
    const source = block(id);
    const heading = make("h2", "title", part(source, "recommend").textContent || "");
    box.append(heading);
    for (const child of Array.from(source.children).slice(1)) {
      // The outline's sub-section labels become headings; everything else is copied as it is.
      box.appendChild(child.matches(".kb-tree__subhead") ? copy("h3", "subhead", child) : child.cloneNode(true));
      if (child.matches(".kb-tree__verdict, .kb-tree__note") && !child.nextElementSibling?.matches(".kb-tree__note")) {
        box.append(make("h3", "subhead", "Your answers"), answered(steps));
      }
    }
    const bar = actions(steps);
    const copyLink = make("button", "action", "Copy link");
    const status = make("span", "status");
    status.setAttribute("role", "status");
    copyLink.addEventListener("click", () => {
      const clipboard = navigator.clipboard;
      (clipboard ? clipboard.writeText(location.href) : Promise.reject()).then(
        () => { status.textContent = "Link copied."; },
        () => { status.textContent = "Could not copy here: the address bar holds the link to this result."; },
      );
    }, { signal });
    bar.prepend(copyLink);
    bar.appendChild(status);
    box.appendChild(bar);
    app.appendChild(box);
    live.textContent = "Result: " + heading.textContent;
    return heading;
  }

  /** @param {Step[]} steps @returns {HTMLElement} the answers given, each after its question */
  function answered(steps) {
    const list = make("ol", "list");
    for (const step of steps) {
      const item = make("li");
      const question = part(block(step.q), "question");
      item.append(copy("span", "asked", question.firstElementChild || question), " ", copy("strong", "given", label(step)));
      list.appendChild(item);
    }
    return list;
  }

  /**
   * Shows the question or result the steps lead to.
   * @param {Step[]} steps
   * @param {boolean} focus move focus to its heading (not on arrival, only on a reader's action)
   */
  function show(steps, focus) {
    const last = steps[steps.length - 1];
    const node = last ? next(last) : tree.root;
    const back = shown[steps.length];
    const previous = back && urlOf(shown.slice(0, steps.length)) === urlOf(steps) ? back.a : "";
    shown = steps;
    app.textContent = "";
    const heading = tree.results[node] ? result(node, steps) : question(node, steps, previous);
    heading.tabIndex = -1;
    if (focus) heading.focus();
  }

  /** @param {Step[]} steps */
  function go(steps) {
    history.pushState(null, "", urlOf(steps));
    show(steps, true);
  }

  /** @param {boolean} focus */
  function restore(focus) {
    const steps = parse(location.hash);
    // A link cut short or edited by hand: keep the part that makes sense.
    if (STATE.test(location.hash) && urlOf(steps) !== location.hash) {
      history.replaceState(history.state, "", urlOf(steps));
    }
    show(steps, focus);
  }

  window.addEventListener("popstate", () => {
    // Other fragments (a heading's permalink) are not steps of the tree.
    if (location.pathname === path && (!location.hash || STATE.test(location.hash))) {
      traversed = location.href;
      restore(true);
    }
  }, { signal });

  outline.hidden = true;
  app.hidden = false;
  restore(traversed === location.href);
  traversed = "";
}
