"""Gunicorn settings of the Flask app; the worker class (sync or gevent) is given with -k.

Gunicorn's design notes advise (2 x cores) + 1 workers to start with; the harness
passes its count in WEB_CONCURRENCY so that its worker rule is the one in force.
"""

import multiprocessing
import os

bind = f"127.0.0.1:{os.environ['PORT']}"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
worker_connections = 1000  # gevent: concurrent connections per worker (Gunicorn's default)
keepalive = 5  # gevent workers keep connections open (sync workers close each one, by design)
loglevel = "warning"
accesslog = None  # no access log, as behind a reverse proxy that logs
