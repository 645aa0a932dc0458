// The "Which should I choose?" tree on /decide/: one question at a time. The answers
// given live in the URL hash (#q=team:python,py-work:api), so reloading, sharing and
// the browser's back and forward buttons all restore the same step. site.js mounts it
// on each [data-kb-component="decision-tree"]; the tree is that element's data-kb-tree
// attribute, written by macros/render/tree.py. Data text becomes DOM nodes, never HTML.
(function () {
  "use strict";

  /**
   * Rendered Markdown: a string is text; [tag, children] is an element and
   * [tag, children, href] a link.
   * @typedef {string | Array<any>} RichNode
   * @typedef {{id: string, label: RichNode[], next: string}} Answer
   * @typedef {{text: RichNode[], help: RichNode[], left: number[], answers: Answer[]}} Question
   *   left: the fewest and the most questions from this one to a result, itself included
   * @typedef {{title: string, url: string}} Link
   * @typedef {{name: string, url: string, text: RichNode[]}} Reason  name: the criterion
   * @typedef {{verdict: RichNode[], reasons: Reason[], caveats: RichNode[][], title: string,
   *   url: string, frameworks: Link[], faq: Link[]}} Scenario
   * @typedef {{scenario: string, recommend: string[], heading: string, headline: RichNode[],
   *   note: RichNode[] | null, switch: RichNode[] | null}} Result  the recommendation for this path
   * @typedef {{root: string, questions: Object<string, Question>, results: Object<string, Result>,
   *   scenarios: Object<string, Scenario>}} Tree
   * @typedef {{q: string, a: string}} Step  an answer given: question id and answer id
   */

  var TAGS = /^(p|ul|ol|li|em|strong|code|pre|blockquote|a|br)$/;
  var STATE = /^#q=/;
  // The URL a browser back/forward move went to. Material answers the first such move
  // after a full page load by swapping in a fresh copy of the page; the tree mounted
  // there takes the focus, as the one it replaces did.
  var traversed = "";

  /**
   * @param {string} tag
   * @param {string} [name] BEM element name, after "kb-tree__"
   * @param {string} [text]
   * @returns {HTMLElement}
   */
  function make(tag, name, text) {
    var el = document.createElement(tag);
    if (name) el.className = "kb-tree__" + name;
    if (text) el.textContent = text;
    return el;
  }

  /**
   * Appends rendered Markdown to an element and returns the element.
   * @template {Node} T
   * @param {T} parent
   * @param {RichNode[]} list
   * @returns {T}
   */
  function rich(parent, list) {
    list.forEach(function (node) {
      if (typeof node === "string") {
        parent.appendChild(document.createTextNode(node));
        return;
      }
      var el = document.createElement(TAGS.test(node[0]) ? node[0] : "span");
      if (el instanceof HTMLAnchorElement && /^https:\/\//.test(node[2])) el.href = node[2];
      parent.appendChild(rich(el, node[1]));
    });
    return parent;
  }

  /** @param {Link} link @returns {HTMLElement} */
  function anchor(link) {
    var a = /** @type {HTMLAnchorElement} */ (make("a", "", link.title));
    a.href = link.url;
    return a;
  }

  /**
   * A titled list appended to parent, one item per entry (nothing when there are none).
   * @template E
   * @param {HTMLElement} parent
   * @param {string} title
   * @param {E[]} entries
   * @param {(li: HTMLElement, entry: E) => void} fill
   * @param {string} [tag] "ol" for an ordered list
   */
  function list(parent, title, entries, fill, tag) {
    if (!entries.length) return;
    var items = make(tag || "ul");
    entries.forEach(function (entry) {
      var li = make("li");
      fill(li, entry);
      items.appendChild(li);
    });
    parent.appendChild(make("h3", "", title));
    parent.appendChild(items);
  }

  /** @param {HTMLElement} root */
  function mount(root) {
    /** @type {Tree} */
    var tree = JSON.parse(root.getAttribute("data-kb-tree") || "");
    var app = /** @type {HTMLElement} */ (root.querySelector(".kb-tree__app"));
    var live = /** @type {HTMLElement} */ (root.querySelector(".kb-tree__live"));
    var path = location.pathname;
    /** @type {Step[]} */
    var shown = [];

    /** @param {Step} step @returns {Answer} */
    function answerOf(step) {
      return tree.questions[step.q].answers.filter(function (a) {
        return a.id === step.a;
      })[0];
    }

    /**
     * The steps a hash spells, from the root, as far as each pair names the current
     * question and one of its answers.
     * @param {string} hash
     * @returns {Step[]}
     */
    function parse(hash) {
      /** @type {Step[]} */
      var steps = [];
      var node = tree.root;
      (STATE.test(hash) ? hash.slice(3).split(",") : []).some(function (pair) {
        var ids = pair.split(":");
        var step = { q: ids[0], a: ids[1] };
        var answer = step.q === node && tree.questions[node] && answerOf(step);
        if (!answer) return true;
        steps.push(step);
        node = answer.next;
        return false;
      });
      return steps;
    }

    /** @param {Step[]} steps @returns {string} the URL of this page at those steps */
    function urlOf(steps) {
      var pairs = steps.map(function (s) {
        return s.q + ":" + s.a;
      });
      return pairs.length ? "#q=" + pairs.join(",") : location.pathname + location.search;
    }

    /** @param {Step[]} steps @returns {HTMLElement} the group of buttons */
    function actions(steps) {
      var bar = make("div", "actions");
      [
        ["Back", steps.slice(0, -1)],
        ["Start over", []],
      ].forEach(function (action) {
        var button = make("button", "action", /** @type {string} */ (action[0]));
        button.addEventListener("click", function () {
          go(/** @type {Step[]} */ (action[1]));
        });
        bar.appendChild(button);
      });
      return bar;
    }

    /**
     * @param {string} id
     * @param {Step[]} steps
     * @param {string} previous the answer given before going back to this question
     */
    function question(id, steps, previous) {
      var q = tree.questions[id];
      var n = steps.length + 1;
      var most = steps.length + q.left[1];
      var label = "Question " + n + (steps.length + q.left[0] === most ? " of " : " of up to ") + most;
      var progress = make("p", "progress", label);
      var bar = /** @type {HTMLProgressElement} */ (make("progress", "bar"));
      bar.max = most;
      bar.value = n;
      bar.setAttribute("aria-hidden", "true");
      progress.appendChild(bar);
      var heading = rich(make("h2", "title"), q.text);
      heading.id = "kb-tree-question";
      var answers = make("div", "answers");
      answers.setAttribute("role", "group");
      answers.setAttribute("aria-labelledby", heading.id);
      q.answers.forEach(function (a) {
        var button = rich(make("button", "answer"), a.label);
        if (a.id === previous) {
          button.classList.add("kb-tree__answer--previous");
          button.appendChild(make("span", "previous", " (your previous answer)"));
        }
        button.addEventListener("click", function () {
          go(steps.concat({ q: id, a: a.id }));
        });
        answers.appendChild(button);
      });
      app.append(progress, heading, rich(make("div", "help"), q.help), answers);
      if (steps.length) app.appendChild(actions(steps));
      live.textContent = label + ": " + heading.textContent;
      return heading;
    }

    /** @param {string} id @param {Step[]} steps */
    function result(id, steps) {
      var r = tree.results[id];
      var s = tree.scenarios[r.scenario];
      var box = make("section", "result");
      box.setAttribute("data-recommend", r.recommend.join(" "));
      var heading = make("h2", "title", r.heading);
      box.append(heading, rich(make("p", "verdict"), r.headline));
      if (r.note) box.appendChild(rich(make("div", "note"), r.note));
      if (r.switch) box.appendChild(rich(make("div", "note"), r.switch));
      list(box, "Your answers", steps, function (li, step) {
        rich(li, tree.questions[step.q].text).appendChild(document.createTextNode(" "));
        li.appendChild(rich(make("strong"), answerOf(step).label));
      }, "ol");
      list(box, "Why", s.reasons, function (li, reason) {
        li.append(anchor({ title: reason.name, url: reason.url }), ": ");
        rich(li, reason.text);
      });
      list(box, "What could change this", s.caveats, rich);
      list(box, "Read more", [/** @type {Link} */ (s)].concat(s.frameworks), function (li, link) {
        li.append(link === s ? "The scenario: " : "Profile: ", anchor(link));
      });
      list(box, "Related questions", s.faq, function (li, link) {
        li.appendChild(anchor(link));
      });
      var bar = actions(steps);
      var copy = make("button", "action", "Copy link");
      var status = make("span", "status");
      status.setAttribute("role", "status");
      copy.addEventListener("click", function () {
        /** @param {string} text */
        function say(text) {
          return function () {
            status.textContent = text;
          };
        }
        var clipboard = navigator.clipboard;
        (clipboard ? clipboard.writeText(location.href) : Promise.reject()).then(
          say("Link copied."),
          say("Could not copy here: the address bar holds the link to this result.")
        );
      });
      bar.prepend(copy);
      bar.appendChild(status);
      box.appendChild(bar);
      app.appendChild(box);
      live.textContent = "Result: " + r.heading;
      return heading;
    }

    /**
     * Shows the question or result the steps lead to.
     * @param {Step[]} steps
     * @param {boolean} focus move focus to its heading (not on arrival, only on a reader's action)
     */
    function show(steps, focus) {
      var last = steps[steps.length - 1];
      var node = last ? answerOf(last).next : tree.root;
      var back = shown[steps.length];
      var previous = back && urlOf(shown.slice(0, steps.length)) === urlOf(steps) ? back.a : "";
      shown = steps;
      app.textContent = "";
      var heading = tree.results[node] ? result(node, steps) : question(node, steps, previous);
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
      var steps = parse(location.hash);
      // A link cut short or edited by hand: keep the part that makes sense.
      if (STATE.test(location.hash) && urlOf(steps) !== location.hash) {
        history.replaceState(history.state, "", urlOf(steps));
      }
      show(steps, focus);
    }

    function onPopState() {
      // Instant navigation swaps the page without reloading scripts: a tree no
      // longer in the document stops listening.
      if (!root.isConnected) {
        window.removeEventListener("popstate", onPopState);
        return;
      }
      // Other fragments (a heading's permalink) are not steps of the tree.
      if (location.pathname === path && (!location.hash || STATE.test(location.hash))) {
        traversed = location.href;
        restore(true);
      }
    }

    /** @type {HTMLElement} */ (root.querySelector(".kb-tree__outline")).hidden = true;
    app.hidden = false;
    window.addEventListener("popstate", onPopState);
    restore(traversed === location.href);
    traversed = "";
  }

  (window.kbComponents = window.kbComponents || {})["decision-tree"] = mount;
})();
