package app.cascade.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses (400, a short plain text) every request of the application port whose host is not this installation's,
 * so no redirect, link or OAuth2 {@code redirect_uri} that Spring, Vaadin or Tomcat builds from the request can point
 * anywhere else (Host header injection). The host is the {@code Host} header, or {@code X-Forwarded-Host} when a
 * trusted proxy sent it (Tomcat's RemoteIpValve, {@code CASCADE_TRUSTED_PROXIES}: from anyone else it is ignored).
 * Allowed: the host of {@code cascade.base-url}, each of {@code cascade.security.allowed-hosts}, the loopback names
 * (localhost, 127.0.0.1, ::1) and the address the request arrived on (a request without a Host header, or one that
 * names the server's own address, cannot point anywhere else). Ports are not compared. The management port is a
 * separate server and is not filtered.
 */
final class AllowedHostsFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AllowedHostsFilter.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private final Set<String> allowed;

    /**
     * @param baseUrl      {@code cascade.base-url}
     * @param allowedHosts {@code cascade.security.allowed-hosts}: host names, host:port or URLs
     */
    AllowedHostsFilter(String baseUrl, Collection<String> allowedHosts) {
        Set<String> hosts = new HashSet<>(LOOPBACK);
        if (baseUrl != null && !baseUrl.isBlank()) {
            hosts.add(host("cascade.base-url", baseUrl));
        }
        for (String entry : allowedHosts) {
            if (entry != null && !entry.isBlank()) {
                hosts.add(host("cascade.security.allowed-hosts", entry.contains("://") ? entry : "http://" + entry));
            }
        }
        this.allowed = Set.copyOf(hosts);
    }

    /** The lower-case host names (IPv6 without brackets) that requests may name. */
    Set<String> allowed() {
        return allowed;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = normalise(request.getServerName());
        if (allowed.contains(host) || host.equals(normalise(request.getLocalAddr()))) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info("Refused a request for host '{}' from {}: not this installation's (CASCADE_BASE_URL,"
                + " CASCADE_ALLOWED_HOSTS)", host.length() > 100 ? host.substring(0, 100) : host,
                request.getRemoteAddr());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Unknown host: this server does not answer for the host this request names.\n");
    }

    private static String host(String setting, String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(setting + ": '" + url + "' names no host");
        }
        return normalise(host);
    }

    private static String normalise(String host) {
        if (host == null) {
            return "";
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
