"""`make loadtest`: Flask and Express apps (FastAPI and Fastify as reference points) under wrk.

The harness starts PostgreSQL in a temporary directory, starts each app in turn on
127.0.0.1, checks every endpoint's status and body, measures each cell (app, endpoint,
connections) with wrk and writes data/loadtest/<date>.yaml. The modules that hold its
logic (plan, stats, wrk, results, checks, world) need nothing beyond the standard
library, so the project's unit tests import them without the apps' dependencies.
"""
