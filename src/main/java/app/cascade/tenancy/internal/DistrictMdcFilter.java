package app.cascade.tenancy.internal;

import app.cascade.tenancy.CurrentTenant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Puts the district and a request id into the logging MDC for every HTTP request (after Spring Security, so the
 * district is the signed-in user's). Jobs set the same keys themselves. Only logging uses this: the tenant of data
 * access is always resolved from the authentication.
 */
@Component
class DistrictMdcFilter extends OncePerRequestFilter {

    private final CurrentTenant currentTenant;

    DistrictMdcFilter(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put("request", UUID.randomUUID().toString().substring(0, 8));
        currentTenant.id().ifPresent(id -> MDC.put("district", id));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("request");
            MDC.remove("district");
        }
    }
}
