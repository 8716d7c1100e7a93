package app.cascade.support.internal;

import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.dashboard.JobRunrDashboardWebServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * JobRunr's own dashboard web server, for support staff only. It is never meant to be reached directly: it requires
 * HTTP Basic credentials that are generated at start-up and known only to this process, and the app proxies it at
 * {@code /support/jobs/} for signed-in users with the SUPPORT role ({@link JobDashboardProxy}). Its port is not
 * published (docker-compose.yml); 0 picks a free one.
 */
@Component
@ConditionalOnProperty(name = "cascade.support.jobs-dashboard.enabled", havingValue = "true", matchIfMissing = true)
public class JobDashboard implements SmartLifecycle {

    static final String USER = "cascade-proxy";
    private static final Logger log = LoggerFactory.getLogger(JobDashboard.class);

    private final StorageProvider storage;
    private final JsonMapper jsonMapper;
    private final int port;
    private final String password;
    private JobRunrDashboardWebServer server;

    public JobDashboard(StorageProvider storage, JsonMapper jsonMapper,
                        @Value("${cascade.support.jobs-dashboard.port:8000}") int port) throws IOException {
        this.storage = storage;
        this.jsonMapper = jsonMapper;
        this.port = port > 0 ? port : freePort();
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int internalPort() {
        return port;
    }

    /** The Authorization header the proxy sends; nobody else knows it. */
    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes());
    }

    @Override
    public void start() {
        server = new JobRunrDashboardWebServer(storage, jsonMapper, JobRunrDashboardWebServerConfiguration
                .usingStandardDashboardConfiguration().andPort(port).andBasicAuthentication(USER, password)
                .andAllowAnonymousDataUsage(false));
        server.start();
        log.info("JobRunr dashboard behind the app at /support/jobs/ (internal port {})", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
