-- wrk's done() hook: one line of JSON for the harness (loadtest/wrk.py parses it).
-- Durations and latencies are in microseconds (wrk's SCRIPTING); `status` counts
-- responses with a status above 399.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
