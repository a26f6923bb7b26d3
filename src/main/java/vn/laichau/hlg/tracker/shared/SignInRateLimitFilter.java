package vn.laichau.hlg.tracker.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing across many accounts from one address: each address may post at most
 * {@code capacity} sign-in attempts (passwords and second-factor codes) per ten minutes. Per instance,
 * in memory; the per-account lockout in the database is what holds across instances.
 */
class SignInRateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_ADDRESSES = 10_000;

    private final int capacity;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    });

    SignInRateLimitFilter(int capacity) {
        this.capacity = capacity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.equals("/login") || path.equals(AccountGateFilter.SECOND_FACTOR_PATH));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(10)).build())
                .build());
        if (!bucket.tryConsume(1)) {
            response.setHeader("Retry-After", "60");
            response.sendError(429);
            return;
        }
        chain.doFilter(request, response);
    }
}
