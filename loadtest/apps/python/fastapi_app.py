"""The FastAPI app of the load test (a reference point), served by one Uvicorn process.

Every endpoint is `async def`: /io awaits asyncio.sleep and /cpu runs on the event loop,
as an async Node.js handler does, so a long computation holds up every other request.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.templating import Jinja2Templates
from psycopg_pool import AsyncConnectionPool

from shared import IO_DELAY_MS, POOL_MAX, WORLD_BY_ID, WORLD_RANGE, crunch, query_count, random_id, template_range, world

# Connection settings come from libpq's PG* environment; read-only queries need no transaction.
pool = AsyncConnectionPool("", min_size=1, max_size=POOL_MAX, kwargs={"autocommit": True}, open=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.keep_trailing_newline = True  # as EJS does, so every app's page has the same bytes


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    await pool.open()
    yield
    await pool.close()


# No interactive docs in production.
app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)


@app.get("/json")
async def message() -> dict[str, str]:
    return {"message": "Hello, World!"}


@app.get("/plaintext", response_class=PlainTextResponse)
async def plaintext() -> str:
    return "Hello, World!"


@app.get("/db")
async def db() -> dict[str, int]:
    async with pool.connection() as conn:
        cursor = await conn.execute(WORLD_BY_ID, (random_id(),))
        return world(await cursor.fetchone())


@app.get("/queries")
async def queries(n: str | None = None) -> list[dict[str, int]]:
    rows = []
    async with pool.connection() as conn:
        for _ in range(query_count(n)):
            cursor = await conn.execute(WORLD_BY_ID, (random_id(),))
            rows.append(world(await cursor.fetchone()))
    return rows


@app.get("/template", response_class=HTMLResponse)
async def template(request: Request) -> HTMLResponse:
    async with pool.connection() as conn:
        cursor = await conn.execute(WORLD_RANGE, template_range())
        rows = [world(row) for row in await cursor.fetchall()]
    return templates.TemplateResponse(request, "world.html", {"rows": rows})


@app.get("/io")
async def io() -> dict[str, int]:
    await asyncio.sleep(IO_DELAY_MS / 1000)
    return {"waited_ms": IO_DELAY_MS}


@app.get("/cpu")
async def cpu() -> dict[str, int]:
    return {"result": crunch()}
