package app.cascade.ops;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.PushMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Health, info and Prometheus metrics on the management port, and nowhere else. */
@CascadeIntegrationTest
class ActuatorIT {

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int appPort;
    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void health_probes_and_info_answer_on_the_management_port_without_sign_in() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness").body()).contains("\"UP\"");
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"").contains("\"jobServer\"");
        assertThat(get(managementPort, "/actuator/info").body()).contains("Cascade");
        assertThat(get(appPort, "/actuator/health").statusCode()).isNotEqualTo(200);
    }

    /** CASCADE_MANAGEMENT_ADDRESS defaults to 127.0.0.1: the machine's other addresses reach the app, not probes. */
    @Test
    void the_management_port_listens_on_loopback_only() throws Exception {
        InetAddress other = NetworkInterface.networkInterfaces()
                .filter(i -> isUp(i) && !isLoopback(i))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst().orElse(null);
        assumeTrue(other != null, "this machine has no address but loopback");

        try (Socket app = new Socket(other, appPort)) {
            assertThat(app.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> new Socket(other, managementPort).close())
                .isInstanceOf(ConnectException.class);
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean isLoopback(NetworkInterface network) {
        try {
            return network.isLoopback();
        } catch (SocketException e) {
            return true;
        }
    }

    @Test
    void prometheus_shows_request_counts_queue_depth_and_push_durations_after_a_push() throws Exception {
        var d = app.cascade.catalog.DistrictFixture.in("alpha", context).wipe();
        long year = d.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        long catalog = d.catalog("Metrics Catalog", app.cascade.catalog.CatalogLock.values());
        long calendar = d.calendar(d.school("MS", "Metrics School", catalog), year, "Q1");
        var master = d.master(catalog, "M1", "Metrics").with(app.cascade.catalog.ItemSpec.task("S1", "S1"));
        d.course(calendar, master);
        TestUsers.signIn(context, "alpha.push");
        UUID id = requests.submit(PushCommand.catalog(catalog, year, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)), null);
        await().pollInSameThread().atMost(Duration.ofSeconds(60))
                .until(() -> requests.summary(id).status() == PushStatus.COMPLETED);

        String metrics = get(managementPort, "/actuator/prometheus").body();

        assertThat(metrics).contains("cascade_push_requests{district=\"alpha\",status=\"COMPLETED\"}")
                .contains("cascade_push_queue_depth{district=\"beta\"}")
                .contains("cascade_push_duration_seconds_count{kind=\"CATALOG\",mode=\"OVERWRITE\",status=\"COMPLETED\"}")
                .contains("cascade_push_courses_total{outcome=\"PUSHED\"}")
                // the node's chunk budget, once the push ended: nothing running or waiting
                .contains("cascade_push_chunks_running 0.0").contains("cascade_push_chunks_waiting 0.0")
                .containsPattern("cascade_push_serving [01]\\.0");
    }
}
