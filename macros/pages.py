"""What pages call: each macro a page may use, and the renderer behind it.

A page's {{ name(…) }} runs the function "module:function" in macros/render/, called as
function(catalog, page, …); it returns the HTML or Markdown put in the macro's place.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

MACROS: dict[str, str] = {
    "verdict_at_a_glance": "home:verdict_at_a_glance",
    "recently_verified": "recent:recently_verified",
    "comparison_table": "compare:comparison_table",
    "level_legend": "compare:level_legend",
    "framework_list": "profiles:framework_list",
    "framework_profile": "profiles:framework_profile",
    "faq": "faq:faq",
    "scenarios": "scenarios:scenarios",
    "bibliography": "sources:bibliography",
    "decision_tree": "tree:decision_tree",
    "data_reference": "reference:data_reference",
    "loadtest_summary": "loadtest:loadtest_summary",
    "loadtest_method": "loadtest:loadtest_method",
    "loadtest_ratios": "loadtest:loadtest_ratios",
    "loadtest_charts": "loadtest:loadtest_charts",
    "loadtest_runs": "loadtest:loadtest_runs",
}


def renderer(name: str) -> Callable[..., str]:
    """The function behind macro `name`."""
    module, _, function = MACROS[name].partition(":")
    return getattr(importlib.import_module(f".render.{module}", __package__), function)
