"""The Flask app of the load test, served by Gunicorn (gunicorn.conf.py) with sync or gevent workers.

The same code runs under both worker classes: Gunicorn's gevent worker monkey-patches
the standard library before it imports this module, so time.sleep yields to other
requests and psycopg (3.1.14 and later) waits on its sockets through gevent. The pool
is created here, at import, so each worker process has its own.
"""

from __future__ import annotations

import time

from flask import Flask, render_template, request
from psycopg_pool import ConnectionPool

from shared import IO_DELAY_MS, POOL_MAX, WORLD_BY_ID, WORLD_RANGE, crunch, query_count, random_id, template_range, world

app = Flask(__name__)
app.jinja_env.keep_trailing_newline = True  # as EJS does, so every app's page has the same bytes
# Connection settings come from libpq's PG* environment; read-only queries need no transaction.
pool = ConnectionPool("", min_size=1, max_size=POOL_MAX, kwargs={"autocommit": True}, open=True)


@app.get("/json")
def message() -> dict[str, str]:
    return {"message": "Hello, World!"}


@app.get("/plaintext")
def plaintext() -> tuple[str, dict[str, str]]:
    return "Hello, World!", {"Content-Type": "text/plain; charset=utf-8"}


@app.get("/db")
def db() -> dict[str, int]:
    with pool.connection() as conn:
        return world(conn.execute(WORLD_BY_ID, (random_id(),)).fetchone())


@app.get("/queries")
def queries() -> list[dict[str, int]]:
    with pool.connection() as conn:
        return [world(conn.execute(WORLD_BY_ID, (random_id(),)).fetchone()) for _ in range(query_count(request.args.get("n")))]


@app.get("/template")
def template() -> str:
    with pool.connection() as conn:
        rows = [world(row) for row in conn.execute(WORLD_RANGE, template_range())]
    return render_template("world.html", rows=rows)


@app.get("/io")
def io() -> dict[str, int]:
    time.sleep(IO_DELAY_MS / 1000)  # a blocking call: the sync worker waits, a gevent worker serves others
    return {"waited_ms": IO_DELAY_MS}


@app.get("/cpu")
def cpu() -> dict[str, int]:
    return {"result": crunch()}
