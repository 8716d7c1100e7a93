package app.cascade.tenancy.internal;

import app.cascade.tenancy.DistrictDatabases;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantFileException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code tenants/*.yml}. Any problem stops start-up with a message naming the file and the field: an unknown
 * or missing field, a bad value, a duplicate id, schema or organization.
 */
public final class TenantFileLoader {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    /** A schema name is an unquoted, lower-case SQL identifier; it never comes from unchecked text. */
    static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{1,62}");
    static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Set<String> RESERVED_SCHEMAS = Set.of("public", "cascade", "information_schema", "pg_catalog",
            "pg_toast");

    private static final List<String> FIELDS = List.of("id", "displayName", "schema", "organization", "timeZone",
            "batchReporting", "notificationSender", "enabled", "maxRunningPushes", "database");
    /** The most pushes one district may run at once: more would only queue behind the job workers anyway. */
    static final int MAX_RUNNING_PUSHES_LIMIT = 50;

    private TenantFileLoader() {
    }

    /** With the main database only (no {@code cascade.databases}). */
    public static List<Tenant> load(Path directory) {
        return load(directory, Set.of(DistrictDatabases.MAIN));
    }

    /** @param databases the configured database names a file's {@code database} may name */
    public static List<Tenant> load(Path directory, Set<String> databases) {
        if (!Files.isDirectory(directory)) {
            throw new TenantFileException(directory.toString(), null, "the tenants folder does not exist");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new TenantFileException(directory.toString(), null, "cannot list the folder: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new TenantFileException(directory.toString(), null, "no tenant file (*.yml) found");
        }
        List<Tenant> tenants = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> schemas = new HashMap<>();
        Map<String, String> organizations = new HashMap<>();
        for (Path file : files) {
            Tenant tenant = parse(file, databases);
            unique(ids, tenant.id(), file, "id");
            unique(schemas, tenant.schema(), file, "schema");
            unique(organizations, tenant.organization(), file, "organization");
            tenants.add(tenant);
        }
        return List.copyOf(tenants);
    }

    private static void unique(Map<String, String> seen, String value, Path file, String field) {
        String other = seen.putIfAbsent(value, file.toString());
        if (other != null) {
            throw new TenantFileException(file.toString(), field,
                    "duplicate value '" + value + "', already used by " + other);
        }
    }

    static Tenant parse(Path file) {
        return parse(file, Set.of(DistrictDatabases.MAIN));
    }

    static Tenant parse(Path file, Set<String> databases) {
        String name = file.toString();
        Map<?, ?> yaml;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(doc instanceof Map<?, ?> map)) {
                throw new TenantFileException(name, null, "expected a mapping of fields");
            }
            yaml = map;
        } catch (IOException | YAMLException e) {
            throw new TenantFileException(name, null, "cannot read YAML: " + e.getMessage());
        }
        Set<String> unknown = new LinkedHashSet<>();
        yaml.keySet().forEach(k -> {
            if (!FIELDS.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        });
        if (!unknown.isEmpty()) {
            throw new TenantFileException(name, unknown.iterator().next(),
                    "unknown field (expected " + String.join(", ", FIELDS) + ")");
        }
        String id = text(yaml, name, "id");
        check(ID.matcher(id).matches(), name, "id", "'" + id + "' is not a slug (a-z, 0-9, '-', 2-40 chars)");
        String expectedFile = id + ".yml";
        check(file.getFileName().toString().equals(expectedFile), name, "id",
                "'" + id + "' does not match the file name (expected " + expectedFile + ")");
        String displayName = text(yaml, name, "displayName");
        String schema = text(yaml, name, "schema");
        check(SCHEMA.matcher(schema).matches(), name, "schema",
                "'" + schema + "' is not a safe SQL identifier (lower-case letter, then a-z, 0-9 or '_', max 63)");
        check(!RESERVED_SCHEMAS.contains(schema) && !schema.startsWith("pg_"), name, "schema",
                "'" + schema + "' is reserved");
        String organization = text(yaml, name, "organization");
        check(ALIAS.matcher(organization).matches(), name, "organization",
                "'" + organization + "' is not a Keycloak organization alias");
        String zone = text(yaml, name, "timeZone");
        ZoneId timeZone;
        try {
            timeZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new TenantFileException(name, "timeZone", "'" + zone + "' is not a time zone id");
        }
        Object batch = yaml.get("batchReporting");
        check(batch != null, name, "batchReporting", "missing");
        check(batch instanceof Boolean, name, "batchReporting", "must be true or false, was '" + batch + "'");
        String sender = text(yaml, name, "notificationSender");
        check(EMAIL.matcher(sender).matches(), name, "notificationSender", "'" + sender + "' is not an e-mail address");
        Object enabled = yaml.containsKey("enabled") ? yaml.get("enabled") : Boolean.TRUE;
        check(enabled instanceof Boolean, name, "enabled", "must be true or false, was '" + enabled + "'");
        Object cap = yaml.containsKey("maxRunningPushes") ? yaml.get("maxRunningPushes")
                : Tenant.DEFAULT_MAX_RUNNING_PUSHES;
        check(cap instanceof Integer i && i >= 1 && i <= MAX_RUNNING_PUSHES_LIMIT, name, "maxRunningPushes",
                "must be a whole number from 1 to " + MAX_RUNNING_PUSHES_LIMIT + ", was '" + cap + "'");
        String database = yaml.containsKey("database") ? text(yaml, name, "database") : DistrictDatabases.MAIN;
        check(databases.contains(database), name, "database", "'" + database + "' is not a configured database"
                + " (configured: " + String.join(", ", databases) + "; another server is configured as"
                + " cascade.databases." + database + ".url, or CASCADE_DATABASES_" + database.toUpperCase(Locale.ROOT)
                + "_URL)");
        return new Tenant(id, displayName, schema, organization, timeZone, (Boolean) batch, sender, name,
                (Boolean) enabled, (Integer) cap, database);
    }

    private static String text(Map<?, ?> yaml, String file, String field) {
        Object value = yaml.get(field);
        check(value != null, file, field, "missing");
        check(value instanceof String, file, field, "must be text, was '" + value + "'");
        String text = ((String) value).strip();
        check(!text.isEmpty(), file, field, "must not be blank");
        return text;
    }

    private static void check(boolean ok, String file, String field, String problem) {
        if (!ok) {
            throw new TenantFileException(file, field, problem);
        }
    }
}
