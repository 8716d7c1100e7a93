package app.cascade.support.internal;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * JobRunr's dashboard (its own handlers), served on the loopback interface only and requiring HTTP Basic credentials
 * that are generated at start-up and known only to this process. The app relays it at {@code /support/jobs/} for
 * signed-in users with the SUPPORT role ({@link JobDashboardProxy}). Read-only: it refuses every method but GET and
 * HEAD. 0 as port picks a free one.
 */
@Component
@ConditionalOnProperty(name = "cascade.support.jobs-dashboard.enabled", havingValue = "true", matchIfMissing = true)
public class JobDashboard implements SmartLifecycle {

    static final String USER = "cascade-proxy";
    private static final Logger log = LoggerFactory.getLogger(JobDashboard.class);

    /**
     * The proxy relays reads only ({@link JobDashboardProxy}); the server refuses anything else too, so that no path
     * to it can requeue or delete a job.
     */
    private static final Filter READ_ONLY = new Filter() {
        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            if (JobDashboardProxy.READ_ONLY.contains(exchange.getRequestMethod())) {
                chain.doFilter(exchange);
            } else {
                exchange.sendResponseHeaders(403, -1);
                exchange.close();
            }
        }

        @Override
        public String description() {
            return "refuses every method but GET and HEAD";
        }
    };

    private final StorageProvider storage;
    private final JsonMapper jsonMapper;
    private final int port;
    private final String password;
    private HttpServer server;
    private ExecutorService executor;
    private final List<HttpExchangeHandler> handlers = new ArrayList<>();

    public JobDashboard(StorageProvider storage, JsonMapper jsonMapper,
                        @Value("${cascade.support.jobs-dashboard.port:8000}") int port) {
        this.storage = storage;
        this.jsonMapper = jsonMapper;
        this.port = port; // 0: the system picks a free port when the server binds (start), with no race for it
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The port the dashboard server listens on: the configured one, or the one the system picked for 0. */
    public int internalPort() {
        return server == null ? port : server.getAddress().getPort();
    }

    /** Where the dashboard server listens (the loopback interface), or null before start. */
    public InetSocketAddress boundAddress() {
        return server == null ? null : server.getAddress();
    }

    /** The Authorization header the proxy sends; nobody else knows it. */
    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes());
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the jobs dashboard on 127.0.0.1:" + port, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        BasicAuthenticator onlyTheApp = new BasicAuthenticator("cascade-jobs") {
            @Override
            public boolean checkCredentials(String user, String pass) {
                return USER.equals(user) && MessageDigest.isEqual(password.getBytes(), pass.getBytes());
            }
        };
        for (HttpExchangeHandler handler : List.of(new JobRunrStaticFileHandler(),
                new JobRunrApiHandler(storage, jsonMapper, false), new JobRunrSseHandler(storage, jsonMapper))) {
            HttpContext context = server.createContext(handler.getContextPath(), handler);
            context.setAuthenticator(onlyTheApp);
            context.getFilters().add(READ_ONLY);
            handlers.add(handler);
        }
        server.start();
        log.info("JobRunr dashboard on 127.0.0.1:{}, reachable only through the app at /support/jobs/",
                internalPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            handlers.forEach(HttpExchangeHandler::close);
            handlers.clear();
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
