package app.cascade.tenancy;

import app.cascade.CascadeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A bad tenant file stops start-up with a message that names the file and the field. */
class BadTenantFileStartupIT {

    @TempDir
    Path tenants;

    @Test
    void start_up_fails_naming_the_file_and_the_field() throws IOException {
        Files.writeString(tenants.resolve("north.yml"), """
                id: north
                displayName: North District
                schema: "north; drop schema cascade"
                organization: north
                timeZone: America/Chicago
                batchReporting: true
                notificationSender: noreply@north.example
                """);

        Throwable failure = catchThrowable(() -> {
            try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(CascadeApplication.class)
                    .profiles("it")
                    .run("--cascade.tenants.dir=" + tenants, "--jobrunr.background-job-server.enabled=false")) {
                // must not get here
            }
        });

        assertThat(failure).isNotNull();
        Throwable root = failure;
        while (!(root instanceof TenantFileException) && root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(TenantFileException.class)
                .hasMessageContaining("north.yml")
                .hasMessageContaining("field 'schema'");
    }
}
