"""The decision tree on /decide/, driven in Chromium: every path of data/decision-tree.yaml, the URL
state, the keyboard, instant navigation and the no-JS outline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from macros.catalog import Catalog, load_catalog
from macros.render import names, plain
from tests.helpers import ROOT

APP = ".kb-tree__app"
TITLE = f"{APP} .kb-tree__title"


@dataclass(frozen=True)
class Path:
    """One way through the tree: (question id, answer index) pairs and the result they reach."""

    steps: tuple[tuple[str, int], ...]
    result: str


@dataclass(frozen=True)
class Tree:
    """The validated tree, with the helpers the tests share."""

    catalog: Catalog

    @cached_property
    def paths(self) -> list[Path]:
        """Every path from the root to a result, in reading order."""
        out: list[Path] = []

        def walk(node: str, steps: tuple[tuple[str, int], ...]) -> None:
            if node in self.catalog.results:
                out.append(Path(steps, node))
                return
            for i, answer in enumerate(self.catalog.questions[node].answers):
                walk(answer.next, steps + ((node, i),))

        walk(self.catalog.tree.root, ())
        return out

    @property
    def longest(self) -> Path:
        return max(self.paths, key=lambda p: len(p.steps))

    def question(self, question_id: str) -> str:
        return plain(self.catalog.questions[question_id].question)

    def label(self, question_id: str, index: int) -> str:
        return plain(self.catalog.questions[question_id].answers[index].label)

    def hash(self, steps: tuple[tuple[str, int], ...]) -> str:
        return "#q=" + ",".join(f"{q}:{self.catalog.questions[q].answers[i].id}" for q, i in steps)

    def recommend(self, result_id: str) -> list[str]:
        return self.catalog.results[result_id].recommend

    def answer(self, page: Page, question_id: str, index: int) -> None:
        """Click the index-th answer of the question on screen, after checking both are the expected ones."""
        expect(page.locator(TITLE)).to_have_text(self.question(question_id))
        button = page.locator(f"{APP} .kb-tree__answer").nth(index)
        expect(button).to_contain_text(self.label(question_id, index))
        button.click()

    def expect_result(self, page: Page, path: Path) -> None:
        result = page.locator(f"{APP} [data-recommend]")
        expect(result).to_have_attribute("data-recommend", " ".join(self.recommend(path.result)))
        chosen = [self.catalog.frameworks[f].name for f in self.recommend(path.result)]
        expect(result.locator("h2")).to_have_text("Recommended: " + names(chosen, "or"))
        expect(result.locator(".kb-tree__verdict")).to_have_text(plain(self.catalog.results[path.result].headline))
        assert page.evaluate("location.hash") == self.hash(path.steps)


@pytest.fixture(scope="module")
def tree() -> Tree:
    return Tree(load_catalog(ROOT))


@pytest.fixture
def decide(page: Page, site_url: str, tree: Tree) -> Page:
    page.goto(site_url + "decide/")
    expect(page.locator(TITLE)).to_have_text(tree.question(tree.catalog.tree.root))
    return page


def test_the_data_has_a_path_to_every_result(tree: Tree) -> None:
    assert {p.result for p in tree.paths} == set(tree.catalog.results)


@pytest.mark.parametrize("batch", range(2), ids=["first-half", "second-half"])
def test_every_path_reaches_the_result_the_data_names(decide: Page, tree: Tree, batch: int) -> None:
    half = (len(tree.paths) + 1) // 2
    for path in tree.paths[batch * half:(batch + 1) * half]:
        for question_id, index in path.steps:
            tree.answer(decide, question_id, index)
        tree.expect_result(decide, path)
        decide.get_by_role("button", name="Start over").click()
        expect(decide.locator(TITLE)).to_have_text(tree.question(tree.catalog.tree.root))


def test_a_shared_link_opens_its_result_and_survives_reload(page: Page, site_url: str, tree: Tree) -> None:
    path = tree.longest
    page.goto(site_url + "decide/" + tree.hash(path.steps))
    tree.expect_result(page, path)
    given = page.locator(f"{APP} ol li strong")
    expect(given).to_have_text([tree.label(q, i) for q, i in path.steps])
    page.reload()
    tree.expect_result(page, path)


def test_a_link_cut_short_shows_the_step_it_reaches(page: Page, site_url: str, tree: Tree) -> None:
    steps = tree.longest.steps
    page.goto(site_url + "decide/" + tree.hash(steps[:1]) + ",nonsense:x")
    expect(page.locator(TITLE)).to_have_text(tree.question(steps[1][0]))
    assert page.evaluate("location.hash") == tree.hash(steps[:1])


def test_result_links_to_compare_rows_scenario_and_faq(page: Page, site_url: str, tree: Tree) -> None:
    path = tree.longest
    page.goto(site_url + "decide/" + tree.hash(path.steps))
    tree.expect_result(page, path)
    scenario = tree.catalog.scenarios[tree.catalog.results[path.result].scenario]
    # paths from the site root, whether the page writes them so or Material made them absolute
    hrefs = page.locator(f"{APP} a").evaluate_all("els => els.map(a => new URL(a.href).pathname + new URL(a.href).hash)")
    assert [f"/compare/#{r.criterion}" for r in scenario.reasons] == [h for h in hrefs if h.startswith("/compare/")]
    assert f"/scenarios/#{scenario.id}" in hrefs
    assert all(f"/faq/#{faq_id}" in hrefs for faq_id in scenario.related_faq)
    first = scenario.reasons[0].criterion
    page.locator(f"{APP} a[href$='/compare/#{first}']").click()
    expect(page).to_have_url(site_url + f"compare/#{first}")
    expect(page.locator(f"[id='{first}']")).to_be_attached()


def test_back_and_forward_move_through_the_steps(decide: Page, tree: Tree) -> None:
    (q1, a1), (q2, a2), (q3, _) = tree.longest.steps[:3]
    tree.answer(decide, q1, a1)
    tree.answer(decide, q2, a2)
    expect(decide.locator(TITLE)).to_have_text(tree.question(q3))
    # The first of these moves after a full page load makes Material swap in a fresh
    # copy of the page: the step and the focus must survive that too.
    for move, question_id in [(decide.go_back, q2), (decide.go_back, q1), (decide.go_forward, q2), (decide.go_forward, q3)]:
        move()
        decide.wait_for_load_state("networkidle")  # the swap, when there is one, is over
        expect(decide.locator(TITLE)).to_have_text(tree.question(question_id))
        expect(decide.locator(TITLE)).to_be_focused()
        if question_id == q1:
            assert decide.evaluate("location.hash") == ""
    assert decide.evaluate("location.hash") == tree.hash(((q1, a1), (q2, a2)))
    expect(decide.locator(".kb-tree")).to_have_count(1)


def test_back_button_keeps_earlier_answers_and_marks_the_last_one(decide: Page, tree: Tree) -> None:
    steps = tree.longest.steps
    for question_id, index in steps:
        tree.answer(decide, question_id, index)
    decide.get_by_role("button", name="Back", exact=True).click()
    last_q, last_a = steps[-1]
    expect(decide.locator(TITLE)).to_have_text(tree.question(last_q))
    expect(decide.locator(TITLE)).to_be_focused()
    assert decide.evaluate("location.hash") == tree.hash(steps[:-1])
    expect(decide.locator(f"{APP} .kb-tree__answer--previous")).to_contain_text(tree.label(last_q, last_a))
    decide.get_by_role("button", name="Start over").click()
    expect(decide.locator(TITLE)).to_have_text(tree.question(tree.catalog.tree.root))
    assert decide.evaluate("location.hash") == ""


def test_progress_and_live_region_follow_each_question(decide: Page, tree: Tree) -> None:
    (q1, a1), (q2, _) = tree.longest.steps[:2]
    progress, live = decide.locator(f"{APP} .kb-tree__progress"), decide.locator(".kb-tree__live")
    expect(progress).to_contain_text("Question 1 of")
    tree.answer(decide, q1, a1)
    expect(progress).to_contain_text("Question 2 of")
    expect(live).to_have_text(re.compile(r"^Question 2 of (up to )?\d+: " + re.escape(tree.question(q2)) + "$"))
    expect(live).to_have_attribute("aria-live", "polite")


def test_a_whole_path_by_keyboard_alone(decide: Page, tree: Tree) -> None:
    def tab_to(text: str, limit: int) -> None:
        for _ in range(limit):
            decide.keyboard.press("Tab")
            if decide.evaluate("document.activeElement.textContent.trim()").startswith(text):
                return
        pytest.fail(f"Tab never reached a control reading {text!r}")

    path = tree.longest
    for n, (question_id, index) in enumerate(path.steps):
        tab_to(tree.label(question_id, index), 80)
        assert decide.evaluate("document.activeElement.tagName") == "BUTTON"
        decide.keyboard.press("Enter" if n % 2 == 0 else "Space")
        expect(decide.locator(f"{APP} h2")).to_be_focused()
    tree.expect_result(decide, path)
    tab_to("Start over", 200)
    decide.keyboard.press("Enter")
    expect(decide.locator(TITLE)).to_be_focused()
    expect(decide.locator(TITLE)).to_have_text(tree.question(tree.catalog.tree.root))


def test_copy_link_puts_the_result_url_on_the_clipboard(page: Page, site_url: str, tree: Tree) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    url = site_url + "decide/" + tree.hash(tree.longest.steps)
    page.goto(url)
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(f"{APP} [role=status]")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == url


def test_copy_link_says_so_when_there_is_no_clipboard(page: Page, site_url: str, tree: Tree) -> None:
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(site_url + "decide/" + tree.hash(tree.longest.steps))
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(f"{APP} [role=status]")).to_contain_text("address bar")


def test_instant_navigation_arrival_and_return_leave_one_working_tree(page: Page, site_url: str, tree: Tree) -> None:
    nav = ".md-sidebar--primary a.md-nav__link[href$='{}'] >> visible=true"
    page.goto(site_url + "sources/")
    page.evaluate("window.kbSamePage = true")  # lost if a click loads a new page instead of swapping content
    page.locator(nav.format("decide/")).click()
    expect(page).to_have_url(site_url + "decide/")
    assert page.evaluate("window.kbSamePage"), "a full page load: instant navigation did not engage"
    question_id, index = tree.longest.steps[0]
    tree.answer(page, question_id, index)

    page.locator(nav.format("compare/")).click()
    expect(page).to_have_url(site_url + "compare/")
    page.locator(nav.format("decide/")).click()
    expect(page).to_have_url(site_url + "decide/")
    assert page.evaluate("window.kbSamePage")
    expect(page.locator(".kb-tree")).to_have_count(1)
    expect(page.locator(".kb-tree__outline")).to_be_hidden()
    tree.answer(page, question_id, index)
    expect(page.locator(f"{APP} h2")).to_have_count(1)
    assert page.evaluate("location.hash") == tree.hash(tree.longest.steps[:1]), "one answer, one step"
    second = tree.question(tree.longest.steps[1][0])
    expect(page.locator(TITLE)).to_have_text(second)

    page.locator(nav.format("compare/")).click()
    expect(page).to_have_url(site_url + "compare/")
    page.go_back()  # to the step the reader left, in a freshly swapped-in page
    expect(page).to_have_url(site_url + "decide/" + tree.hash(tree.longest.steps[:1]))
    expect(page.locator(TITLE)).to_have_text(second)
    page.go_back()
    expect(page.locator(TITLE)).to_have_text(tree.question(question_id))
    expect(page.locator(".kb-tree")).to_have_count(1)
    expect(page.locator(f"{APP} h2")).to_have_count(1)
    assert page.evaluate("window.kbSamePage")


def test_narrow_screen_has_no_sideways_scroll(page: Page, site_url: str, tree: Tree) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    for steps in (tree.longest.steps[:1], tree.longest.steps):
        page.goto(site_url + "decide/" + tree.hash(steps))
        expect(page.locator(TITLE)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_a_question_or_a_result(page: Page, site_url: str, tree: Tree, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    for state in ("", tree.hash(tree.longest.steps[:1]), tree.hash(tree.longest.steps)):
        page.goto(site_url + "decide/" + state)
        expect(page.locator(TITLE)).to_be_visible()
        violations = Axe().run(page, context=".kb-tree").response["violations"]
        assert not violations, [(v["id"], v["nodes"][0]["html"]) for v in violations]


def test_without_javascript_the_outline_shows_every_question_answer_and_result(browser: Browser, site_url: str, tree: Tree) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + "decide/")
        outline = page.locator(".kb-tree__outline")
        expect(outline).to_be_visible()
        expect(page.locator(APP)).to_be_hidden()
        catalog = tree.catalog
        for question in catalog.questions.values():
            block = outline.locator(f"[id='kb-dt-{question.id}']")
            expect(block).to_be_visible()
            for i in range(len(question.answers)):
                expect(block.locator(":scope > ul > li").nth(i)).to_contain_text(tree.label(question.id, i))
        for result in catalog.results.values():
            block = outline.locator(f"[id='kb-dt-{result.id}']")
            expect(block).to_be_visible()
            chosen = [catalog.frameworks[f].name for f in tree.recommend(result.id)]
            expect(block.locator("strong").first).to_have_text("Recommended: " + names(chosen, "or"))
            expect(block.locator(f"a[href='/scenarios/#{result.scenario}']")).to_have_count(1)
    finally:
        context.close()
