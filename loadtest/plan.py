"""What a run measures: the apps and their worker counts, the endpoints, the cells and their time.

One rule sets every configuration's CPU budget and process count (worker_count), and
one placement applies to all: server and wrk share every core, neither is pinned.
Pinning them apart on a 2-core machine would leave the server one core and make the
multi-process configurations pointless; sharing costs every server the same, since
wrk's load scales with the requests it sends.
"""

from __future__ import annotations

from dataclasses import dataclass

CONNECTIONS = (1, 16, 64, 256)
REFERENCE_CONNECTIONS = (64,)  # FastAPI and Fastify at one level: they are reference points, not the comparison
SMOKE_CONNECTIONS = 16
NOISY_ABOVE = 0.10  # (max - min) / median of a cell's repetitions
WRK_TIMEOUT_SECONDS = 2  # wrk's default: a response slower than this counts as a timeout

WRK_THREADS = "{cores}, one per core; as many as connections where there are fewer (wrk needs one per thread)"
CPU_PLACEMENT = ("shared: the server and wrk both run on all {cores} cores, neither pinned with taskset, "
                 "the same for every configuration")
WORKER_RULE = ("every server may use all {cores} cores; a multi-process configuration runs the worker count "
               "its server's documentation advises for that many cores (Gunicorn: 2 x cores + 1 = {gunicorn}, "
               "sync and gevent alike; node:cluster: one per core = {cluster}), a single-process one runs 1; "
               "each process has a database pool of at most 10 connections")


@dataclass(frozen=True)
class Timing:
    warmup_seconds: int
    duration_seconds: int
    repetitions: int


FULL = Timing(warmup_seconds=1, duration_seconds=2, repetitions=3)
SMOKE = Timing(warmup_seconds=0, duration_seconds=1, repetitions=1)

# For the estimate printed at start, measured on the 2-core machine: starting wrk and
# reading its report, starting and checking one app, and PostgreSQL's set-up.
WRK_OVERHEAD_SECONDS = 0.15
APP_START_SECONDS = 2.0
SETUP_SECONDS = 5.0


@dataclass(frozen=True)
class Endpoint:
    id: str
    path: str
    what: str


ENDPOINTS = (
    Endpoint("json", "/json", "serialise a small object"),
    Endpoint("plaintext", "/plaintext", "a fixed text"),
    Endpoint("db", "/db", "one row by random id"),
    Endpoint("queries", "/queries?n=20", "20 rows by random ids, one query each"),
    Endpoint("template", "/template", "20 rows rendered through a template (Jinja2, EJS)"),
    Endpoint("io", "/io", "await a simulated 50 ms upstream call"),
    Endpoint("cpu", "/cpu", "a fixed pure-language loop of a few milliseconds"),
)


def worker_count(model: str, cores: int) -> int:
    """Processes serving requests: 'gunicorn' (pre-fork), 'cluster' (node:cluster) or 'single'."""
    if cores < 1:
        raise ValueError(f"cores must be at least 1, not {cores}")
    return {"gunicorn": 2 * cores + 1, "cluster": cores, "single": 1}[model]


@dataclass(frozen=True)
class App:
    id: str
    name: str
    framework: str | None  # id of a file in data/frameworks/; None for a reference point
    model: str  # see worker_count
    configuration: str  # with {n} for the process count
    processes: int

    @property
    def multi_process(self) -> bool:
        return self.processes > 1

    @property
    def reference(self) -> bool:
        return self.framework is None

    @property
    def label(self) -> str:
        return self.configuration.format(n=self.processes)

    def compared(self, server_cores: int) -> bool:
        """A multi-process configuration is compared only where the server has more than one core."""
        return not self.multi_process or server_cores > 1


def apps(cores: int) -> list[App]:
    specs = [
        ("flask-sync", "Flask", "flask", "gunicorn", "Gunicorn, {n} sync workers"),
        ("flask-gevent", "Flask", "flask", "gunicorn", "Gunicorn, {n} gevent workers"),
        ("express-single", "Express", "express", "single", "Node.js, one process"),
        ("express-cluster", "Express", "express", "cluster", "Node.js, node:cluster with {n} workers"),
        ("fastapi", "FastAPI", None, "single", "Uvicorn, one process"),
        ("fastify", "Fastify", None, "single", "Node.js, one process"),
    ]
    return [App(id_, name, framework, model, configuration, worker_count(model, cores))
            for id_, name, framework, model, configuration in specs]


def method_rules(cores: int) -> tuple[str, str]:
    """The placement and worker rule as recorded in the results file."""
    return (CPU_PLACEMENT.format(cores=cores),
            WORKER_RULE.format(cores=cores, gunicorn=worker_count("gunicorn", cores), cluster=worker_count("cluster", cores)))


@dataclass(frozen=True)
class Cell:
    app: App
    endpoint: Endpoint
    connections: int


def cells(all_apps: list[App], smoke: bool) -> list[Cell]:
    """Full run: every endpoint at every level (reference points at 64 only). Smoke: one cell per app."""
    if smoke:
        return [Cell(app, ENDPOINTS[0], SMOKE_CONNECTIONS) for app in all_apps]
    return [Cell(app, endpoint, connections)
            for app in all_apps
            for endpoint in ENDPOINTS
            for connections in (REFERENCE_CONNECTIONS if app.reference else CONNECTIONS)]


def cell_seconds(timing: Timing) -> float:
    runs = timing.repetitions + (1 if timing.warmup_seconds else 0)
    return timing.warmup_seconds + timing.repetitions * timing.duration_seconds + runs * WRK_OVERHEAD_SECONDS


def estimate_seconds(planned: list[Cell], timing: Timing) -> float:
    app_count = len({cell.app.id for cell in planned})
    return SETUP_SECONDS + app_count * APP_START_SECONDS + len(planned) * cell_seconds(timing)
