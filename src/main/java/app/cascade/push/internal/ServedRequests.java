package app.cascade.push.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * When this node last served a person or a script: every HTTP request of the UI (its page loads and the requests its
 * clicks send) and of the API, of any district, counts when it begins and when it ends; the actuator's health checks
 * and scrapes do not. The push reads it to leave a core to the people it shares the node with ({@link ChunkBudget}).
 */
@Component
class ServedRequests extends OncePerRequestFilter {

    private static final long NEVER = Long.MIN_VALUE;

    private volatile long lastNanos = NEVER;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        lastNanos = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            lastNanos = System.nanoTime();
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
    }

    /** Whether a request was served (begun or ended) within the last {@code window}. */
    boolean within(Duration window) {
        long last = lastNanos;
        return last != NEVER && System.nanoTime() - last < window.toNanos();
    }
}
