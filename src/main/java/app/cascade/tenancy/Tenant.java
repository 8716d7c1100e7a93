package app.cascade.tenancy;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One district, as declared in {@code tenants/<id>.yml}. Every field has been validated by the loader: in particular
 * {@link #schema()} is a safe SQL identifier, so it may be used in {@code SET search_path} and Flyway without quoting.
 *
 * @param id                 slug, used in URLs, jobs and logs
 * @param displayName        the district's name as its staff know it
 * @param schema             the PostgreSQL schema that holds the district's data
 * @param organization       the Keycloak organization alias whose members belong to this district
 * @param timeZone           the district's time zone: "today", schedules and report times are in it
 * @param batchReporting     the Batch Reporting switch: while off, push requests stay queued
 * @param notificationSender the From address of the district's e-mails
 * @param sourceFile         the file the district was read from, for messages
 */
public record Tenant(String id, String displayName, String schema, String organization, ZoneId timeZone,
                     boolean batchReporting, String notificationSender, String sourceFile) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schema, "schema");
    }
}
