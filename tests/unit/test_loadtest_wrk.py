"""The load test's wrk glue: the command line it builds and the report.lua line it parses."""

from __future__ import annotations

import pytest

from loadtest.wrk import REPORT_SCRIPT, command, parse, threads_for, version

WRK_OUTPUT = """Running 2s test @ http://127.0.0.1:8480/db
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.21ms    2.10ms  40.12ms   90.00%
    Req/Sec     6.10k   400.00     6.90k    70.00%
  24400 requests in 2.00s, 3.50MB read
Requests/sec:  12200.00
Transfer/sec:      1.75MB
WRK_JSON {"requests":24400,"duration_us":2000000,"connect":1,"read":2,"write":3,"status":4,"timeout":5,"p50_us":4870,\
"p99_us":12345}
"""


def test_the_report_line_gives_rate_latency_and_errors() -> None:
    run = parse(WRK_OUTPUT)
    assert run.requests == 24400
    assert run.rps == 12200.0
    assert (run.p50_ms, run.p99_ms) == (4.87, 12.345)
    assert run.errors == 1 + 2 + 3 + 4  # connect, read, write, status > 399
    assert run.timeouts == 5


def test_a_run_that_served_nothing_has_zero_rate() -> None:
    line = 'WRK_JSON {"requests":0,"duration_us":0,"connect":16,"read":0,"write":0,"status":0,"timeout":0,"p50_us":0,"p99_us":0}'
    run = parse(line)
    assert run.rps == 0.0
    assert run.errors == 16


@pytest.mark.parametrize("output", ["", "Running 2s test @ http://127.0.0.1:8480/db\n", "unable to connect to 127.0.0.1:8480"])
def test_output_without_the_report_line_is_an_error(output: str) -> None:
    with pytest.raises(ValueError, match="WRK_JSON"):
        parse(output)


def test_the_command_targets_loopback_with_the_report_script() -> None:
    argv = command("/usr/bin/wrk", 8480, "/queries?n=20", connections=64, seconds=2, threads=2, timeout=2)
    assert argv == ["/usr/bin/wrk", "--threads", "2", "--connections", "64", "--duration", "2s", "--timeout", "2s",
                    "--script", str(REPORT_SCRIPT), "http://127.0.0.1:8480/queries?n=20"]
    assert REPORT_SCRIPT.is_file()


def test_a_path_cannot_change_the_host() -> None:
    with pytest.raises(ValueError):
        command("wrk", 8480, "@example.org/", connections=1, seconds=1, threads=1, timeout=2)


@pytest.mark.parametrize(("connections", "cores", "threads"), [(1, 2, 1), (16, 2, 2), (256, 2, 2), (64, 1, 1), (2, 8, 2)])
def test_one_thread_per_core_but_never_more_than_connections(connections: int, cores: int, threads: int) -> None:
    assert threads_for(connections, cores) == threads


def test_version_from_the_banner() -> None:
    assert version("wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer\nUsage: wrk <options> <url>") == "4.1.0"
    with pytest.raises(ValueError):
        version("wrk: command not found")
