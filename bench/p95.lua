-- wrk prints p50, p75, p90, p99 but not p95: print what the benchmark needs, in milliseconds.
done = function(summary, latency, requests)
    io.write(string.format("RESULT rps=%.1f p50=%.1f p95=%.1f errors=%d requests=%d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        summary.requests))
end
