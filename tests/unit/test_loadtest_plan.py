"""The load test's plan: one worker rule for every configuration, the cells and the time they take."""

from __future__ import annotations

import pytest

from loadtest import plan


@pytest.mark.parametrize(("cores", "gunicorn", "cluster"), [(1, 3, 1), (2, 5, 2), (4, 9, 4)])
def test_the_worker_rule_follows_each_servers_advice(cores: int, gunicorn: int, cluster: int) -> None:
    counts = {app.id: app.processes for app in plan.apps(cores)}
    assert counts == {"flask-sync": gunicorn, "flask-gevent": gunicorn, "express-single": 1,
                      "express-cluster": cluster, "fastapi": 1, "fastify": 1}


def test_no_worker_count_without_a_core() -> None:
    with pytest.raises(ValueError):
        plan.worker_count("gunicorn", 0)


def test_multi_process_configurations_are_compared_only_with_more_than_one_core() -> None:
    one_core = {app.id: app.compared(server_cores=1) for app in plan.apps(1)}
    assert one_core == {"flask-sync": False, "flask-gevent": False, "express-single": True,
                        "express-cluster": True, "fastapi": True, "fastify": True}  # one core: one cluster worker
    assert all(app.compared(server_cores=2) for app in plan.apps(2))


def test_labels_and_reference_points() -> None:
    apps = {app.id: app for app in plan.apps(2)}
    assert apps["flask-sync"].label == "Gunicorn, 5 sync workers"
    assert apps["express-cluster"].label == "Node.js, node:cluster with 2 workers"
    assert [app.id for app in apps.values() if app.reference] == ["fastapi", "fastify"]
    assert {app.framework for app in apps.values()} == {"flask", "express", None}


def test_full_run_cells_every_level_for_the_compared_apps_and_64_for_the_references() -> None:
    cells = plan.cells(plan.apps(2), smoke=False)
    assert len(cells) == 4 * 7 * 4 + 2 * 7 * 1
    assert {c.connections for c in cells if c.app.id == "flask-gevent"} == {1, 16, 64, 256}
    assert {c.connections for c in cells if c.app.reference} == {64}
    # Grouped by app, so each app starts once.
    order = [c.app.id for c in cells]
    assert order == sorted(order, key=[app.id for app in plan.apps(2)].index)


def test_smoke_runs_one_cell_per_app() -> None:
    cells = plan.cells(plan.apps(2), smoke=True)
    assert [(c.app.id, c.endpoint.id, c.connections) for c in cells] == [
        (app.id, "json", 16) for app in plan.apps(2)]


def test_the_full_run_fits_in_25_minutes_on_2_cores() -> None:
    estimate = plan.estimate_seconds(plan.cells(plan.apps(2), smoke=False), plan.FULL)
    assert estimate < 20 * 60  # leaves room for a busy machine
    assert plan.estimate_seconds(plan.cells(plan.apps(2), smoke=True), plan.SMOKE) < 60


def test_the_method_rules_name_the_counts() -> None:
    placement, rule = plan.method_rules(2)
    assert placement.startswith("shared: ") and "2 cores" in placement
    assert "= 5" in rule and "= 2" in rule
