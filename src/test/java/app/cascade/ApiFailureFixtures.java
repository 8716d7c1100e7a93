package app.cascade;

import app.cascade.push.PushBusyException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;

/** The test-only beans of {@link ApiFailureIntegrationTest}. */
@TestConfiguration(proxyBeanMethods = false)
public class ApiFailureFixtures {

    public static final String IMPORT_LIMIT = "4KB";
    /** Connections in the test pool; a test that holds them all exhausts it. */
    public static final int POOL_SIZE = 4;
    /** Text of the failures below that must never reach a client. */
    public static final String SECRET = "relation \"secret_table\" does not exist";

    /**
     * The application's pool, small and quick to give up (the embedded database's own pool waits 30 s for a
     * connection): a request that finds every connection taken fails after 250 ms, as a busy pool would after 30 s.
     */
    @Bean
    @Primary
    DataSource impatientDataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(250);
        config.setPoolName("impatient");
        return new HikariDataSource(config);
    }

    /** API endpoints that fail in each way a real one could. */
    @RestController
    static class FailingEndpoints {

        @GetMapping("/api/v1/test/boom")
        String boom() {
            throw new IllegalStateException(SECRET);
        }

        @GetMapping("/api/v1/test/busy")
        String busy() {
            throw new PushBusyException("Too many pushes are being submitted; try again shortly",
                    Duration.ofMillis(6500));
        }

        @GetMapping("/api/v1/test/send-error/{status}")
        void sendError(@PathVariable int status, HttpServletResponse response) throws IOException {
            response.sendError(status, SECRET);
        }
    }

    /** A servlet filter (after Spring Security) that fails on one API path, outside any controller. */
    @Bean
    FilterRegistrationBean<HttpFilter> failingFilter() {
        FilterRegistrationBean<HttpFilter> registration = new FilterRegistrationBean<>(new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, jakarta.servlet.ServletException {
                if (request.getRequestURI().equals("/api/v1/test/filter-boom")) {
                    throw new IllegalArgumentException(SECRET);
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/v1/test/*");
        return registration;
    }
}
