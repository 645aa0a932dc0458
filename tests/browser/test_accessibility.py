"""Accessibility of every page type, in both palettes, on a phone and a desktop screen.

axe-core (the copy that PyPI's axe-playwright-python ships, so no Node.js is needed)
runs in Chromium on each page: no critical or serious violation is allowed; moderate
and minor ones are listed at the end of the run. The light palette gets every rule,
the dark one the colour rules (it changes nothing else). The keyboard test tabs through each
page and checks every visible control is reached and shows where the focus is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import wait_until_ready
from tests.browser.page_types import PageType, page_types

PAGES = page_types()
PALETTES = {"light": ("light", "default"), "dark": ("dark", "slate")}  # name: (prefers-color-scheme, Material scheme)
WIDTHS = {"phone": (360, 740), "desktop": (1280, 800)}
FAILING = ("critical", "serious")
MAX_TABS = 3000
# The dark palette changes colours only, so its pages are checked with axe's colour rules
# (the light palette runs every rule): half the time for the same findings.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# What a keyboard user can land on; tabindex=-1 marks what Material deliberately keeps out of the Tab order.
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]"
_CANDIDATES_JS = """(selector) => {
  const visible = (el) => {
    if (el.closest('[hidden], [inert], [aria-hidden="true"]')) return false;
    // What a closed <details> holds keeps its size and a visible style in Chromium, but is not
    // drawn and Tab skips it; checkVisibility() knows.
    if (!el.checkVisibility()) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || style.display === "none") return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  return [...document.querySelectorAll(selector)]
    .filter((el) => !el.disabled && el.tabIndex >= 0 && visible(el))
    .map((el, i) => { el.dataset.kbFocusId = String(i); return i; });
}"""
# The computed properties a focus indicator can show in.
_STYLE_JS = """(el) => {
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "";
  return [outline, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.borderColor].join(" | ");
}"""
_FOCUSED_JS = f"""() => {{
  const el = document.activeElement;
  if (!el || el === document.body) return [-1, "", "", true];
  if (el.dataset.kbFocusId === undefined) return [null, "", "", true];
  const box = el.getBoundingClientRect();
  const onScreen = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
  return [Number(el.dataset.kbFocusId), ({_STYLE_JS})(el), el.outerHTML.slice(0, 160), onScreen];
}}"""

# The focused element is on screen and nothing around it is moving (a CSS transition or
# animation on it or on an element that contains it).
_IN_PLACE_JS = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const onScreen = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
  const moving = document.getAnimations().some((a) => a.playState === "running" && a.effect?.target?.contains?.(el));
  return onScreen && !moving;
}"""
# A transition lasts a fraction of a second; an element that never comes into view is reported.
IN_PLACE_TIMEOUT_MS = 10_000


def settle_in_view(page: Page) -> None:
    """Wait until the focused element has come on screen and stopped moving; if it never does, return all the same."""
    try:
        page.wait_for_function(_IN_PLACE_JS, timeout=IN_PLACE_TIMEOUT_MS)
    except PlaywrightTimeoutError:
        pass  # the caller looks again and reports it as off screen


@contextmanager
def open_page(browser: Browser, site_url: str, page_type: PageType, palette: str, width: str) -> Iterator[Page]:
    color_scheme, scheme = PALETTES[palette]
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=color_scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site_url + page_type.path)
    page.locator(page_type.ready).first.wait_for(state="visible")
    wait_until_ready(page)  # every component mounted: its controls are on the page
    assert page.get_attribute("body", "data-md-color-scheme") == scheme, "Material did not pick the palette for the color scheme"
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def findings(request: pytest.FixtureRequest) -> Iterator[dict[str, set[str]]]:
    """Moderate and minor violations (rule and impact -> where), printed once at the end of the module."""
    found: dict[str, set[str]] = defaultdict(set)
    yield found
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter and found:
        with capture.global_and_fixture_disabled() if capture else nullcontext():
            reporter.write_line("")
            reporter.write_line("axe-core: moderate and minor findings (listed, not failing):")
            for rule, where in sorted(found.items()):
                reporter.write_line(f"  {rule}: {', '.join(sorted(where))}")


def describe(violation: dict[str, Any]) -> str:
    nodes = "\n".join(f"      {', '.join(map(str, n['target']))}: {' '.join((n.get('failureSummary') or '').split())[-200:]}"
                      for n in violation["nodes"][:5])
    more = f"\n      … and {len(violation['nodes']) - 5} more" if len(violation["nodes"]) > 5 else ""
    return f"  {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}{more}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("page_type", PAGES, ids=[p.name for p in PAGES])
def test_no_serious_axe_violation(browser: Browser, site_url: str, page_type: PageType, palette: str, width: str,
                                  findings: dict[str, set[str]]) -> None:
    """Assert axe-core finds no critical or serious violation on the page in this palette and width."""
    with open_page(browser, site_url, page_type, palette, width) as page:
        page.evaluate(AXE_SCRIPT)
        # target-size (WCAG 2.2 AA 2.5.8) is off in axe by default; Lighthouse runs it.
        options: dict[str, Any] = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
        if palette == "dark":
            options["runOnly"] = {"type": "rule", "values": COLOUR_RULES}
        result = page.evaluate("options => axe.run(document, options)", options)
        violations = result["violations"]
        for v in violations:
            if v["impact"] not in FAILING:
                findings[f"{v['id']} ({v['impact']})"].add(f"{page_type.name}/{palette}/{width}")
        serious = [v for v in violations if v["impact"] in FAILING]
        assert not serious, f"{page_type.name} ({palette}, {width}):\n" + "\n".join(map(describe, serious))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", PAGES, ids=[p.name for p in PAGES])
def test_every_control_is_reached_by_tab_and_shows_focus(browser: Browser, site_url: str, page_type: PageType, width: str) -> None:
    """Assert Tab reaches every visible control on the page, and each one looks different while focused."""
    with open_page(browser, site_url, page_type, "light", width) as page:
        ids = page.evaluate(_CANDIDATES_JS, FOCUSABLE)
        unfocused = page.evaluate(f"() => [...document.querySelectorAll('[data-kb-focus-id]')].map({_STYLE_JS})")
        page.evaluate("document.activeElement && document.activeElement.blur()")
        reached: set[int] = set()
        unmarked: list[str] = []
        unseen: list[str] = []
        trail: list[str] = []  # where each Tab landed, for the failure message
        on_body = 0
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            focus, style, html, on_screen = page.evaluate(_FOCUSED_JS)
            trail.append(f"{focus} {html[:60]}")
            if focus in reached:
                break  # back at the first control: the Tab order has wrapped around
            # Nothing focused: past the last control (the next Tab starts over), or a control that
            # vanished while focused (Material hides its back-to-top button once a scroll settles,
            # and the next Tab goes on from where it was). Twice in a row is the end of the order.
            on_body = on_body + 1 if focus == -1 else 0
            if on_body == 2:
                break
            if focus is None or focus == -1:
                continue
            reached.add(focus)
            if not on_screen:  # it may be sliding in (Material's search field): look again once it is in place
                settle_in_view(page)
                _, style, html, on_screen = page.evaluate(_FOCUSED_JS)
            if style == unfocused[focus]:
                unmarked.append(html)
            if not on_screen:
                unseen.append(html)
        missed = [page.locator(f'[data-kb-focus-id="{i}"]').evaluate("el => el.outerHTML.slice(0, 160)") for i in ids if i not in reached]
        assert not missed, (f"{len(missed)} of {len(ids)} controls never receive focus from Tab:\n" + "\n".join(missed[:10])
                            + "\nthe last stops of the Tab order:\n" + "\n".join(trail[-6:]))
        assert not unmarked, f"{len(unmarked)} controls show no visible change when focused:\n" + "\n".join(unmarked[:10])
        assert not unseen, f"{len(unseen)} controls take the focus while off screen:\n" + "\n".join(unseen[:10])


def test_the_menu_opens_and_closes_from_the_keyboard_on_a_phone(browser: Browser, site_url: str) -> None:
    """Assert that at 360 px Tab reaches the header's menu button, Space opens the drawer with the focus inside, Enter closes it."""
    with open_page(browser, site_url, PAGES[0], "light", "phone") as page:
        menu = page.locator('.md-header label[for="__drawer"] [role="button"]')
        for _ in range(10):
            page.keyboard.press("Tab")
            if menu.evaluate("el => el === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reaches the menu button")
        assert menu.get_attribute("aria-expanded") == "false"
        page.keyboard.press(" ")
        expect(page.locator(".md-sidebar--primary nav").first).to_be_focused()
        assert menu.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Tab")
        link = page.locator(".md-sidebar--primary :focus")
        expect(link).to_have_attribute("href", re.compile("."))
        expect(link).to_be_in_viewport()
        menu.focus()
        page.keyboard.press("Enter")
        expect(page.locator(".md-sidebar--primary")).to_be_hidden()
        assert menu.get_attribute("aria-expanded") == "false"
