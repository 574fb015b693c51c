-- wrk script for bench/run: cycles through request paths, one a line in the file named after `--`
-- (URL-encoded already), and prints one machine-readable RESULT line at the end.
local paths = {}
local next_path = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  -- threads start at different places, so that connections do not all ask the same query at once
  next_path = ((id or 0) * 7) % #paths
end

function setup(thread)
  thread_count = (thread_count or 0) + 1
  thread:set("id", thread_count)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f mean_ms=%.3f socket_errors=%d non2xx=%d bytes_per_request=%.0f\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, e.connect + e.read + e.write + e.timeout, e.status, summary.bytes / math.max(1, summary.requests)))
end
