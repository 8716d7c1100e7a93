package app.cascade;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link CascadeIntegrationTest} context for failures the normal one cannot show ({@link ApiFailureFixtures}): API
 * endpoints and a filter that fail on purpose, a connection pool a test can exhaust, and an import limit of 4 KB.
 * JobRunr's background job server is off, so nothing else asks the pool for connections. One context for every test
 * class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CascadeIntegrationTest
@Import(ApiFailureFixtures.class)
@TestPropertySource(properties = {"jobrunr.background-job-server.enabled=false",
        "cascade.exchange.max-import-size=" + ApiFailureFixtures.IMPORT_LIMIT})
public @interface ApiFailureIntegrationTest {
}
