-- wrk script of the SessionKit benchmarks: each request carries the cookie of the next
-- session in a list (round robin), so that load spreads over many sessions like real
-- users. Arguments after "--": the cookie file (one "SESSION=..." per line), the method
-- (GET or POST), the path. At the end it prints one line:
-- RESULT requests=<n> seconds=<s> p50_us=<us> p99_us=<us> errors=<n> non2xx=<n>
local requests = {}
local next_index = 1

function init(args)
  local file = assert(io.open(args[1], "r"))
  for cookie in file:lines() do
    if #cookie > 0 then
      requests[#requests + 1] = wrk.format(args[2], args[3], { ["Cookie"] = cookie })
    end
  end
  file:close()
  assert(#requests > 0, "no cookies in " .. args[1])
  next_index = (wrk.thread:get("id") or 0) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function done(summary, latency, requests_)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_us=%d p99_us=%d errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99), errors,
    summary.errors.status))
end
