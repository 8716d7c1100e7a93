package app.cascade.tenancy.internal;

import app.cascade.tenancy.DistrictDatabases;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The health of the servers besides the main one: a server that does not answer is named, with its error. */
class DatabasesHealthTest {

    @Test
    void a_server_that_does_not_answer_makes_databases_down_and_says_why() throws Exception {
        try (HikariDataSource dead = pool(freePort());
             DistrictDatabases databases = new DistrictDatabases(dead, Map.of("west", dead))) {

            Health health = new DatabasesHealth(databases).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsOnlyKeys("west");
            assertThat((String) health.getDetails().get("west")).startsWith("DOWN: ");
        }
    }

    @Test
    void with_only_the_main_server_databases_is_up_with_nothing_to_say() throws Exception {
        try (HikariDataSource dead = pool(freePort());
             DistrictDatabases databases = new DistrictDatabases(dead, Map.of())) {

            Health health = new DatabasesHealth(databases).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).isEmpty();
        }
    }

    /** A port nothing listens on: connections to it are refused at once. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HikariDataSource pool(int port) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/cascade");
        config.setUsername("cascade");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
