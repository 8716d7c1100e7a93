package app.cascade.tenancy.internal;

import app.cascade.tenancy.DistrictDatabases;
import app.cascade.tenancy.DistrictEnabled;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantFileException;
import app.cascade.tenancy.TenantFileProblem;
import app.cascade.tenancy.TenantFolder;
import app.cascade.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the tenant folder every {@code cascade.tenancy.watch-every} (default 2 s) while the node runs, on every node
 * (each reads its own folder; one shared by the nodes, or kept equal by the deployment). A polled folder works on every
 * file system a node may mount, where change notifications do not. When a file is added, changed or removed:
 * <ul>
 *     <li>a new district is registered, written to {@code cascade.tenant}, and migrated (its demo data loaded, if
 *     configured) by the background migrations; its users can sign in once it is registered, their first call waiting
 *     for its migration;</li>
 *     <li>a changed district takes its new settings; {@code enabled: false} switches it off (nobody can use it, its
 *     queued pushes wait, its data is kept), {@code true} switches it on again and its held pushes go on
 *     ({@link DistrictEnabled});</li>
 *     <li>a removed file's district leaves the registry, as after a restart without it (its data is kept);</li>
 *     <li>a file that cannot be taken (bad YAML or field, a duplicate id, schema or organization, a changed schema) is
 *     reported in the log and the Support view and changes nothing: the district it names keeps its previous
 *     settings, or stays unregistered.</li>
 * </ul>
 */
final class TenantFolderWatcher implements TenantFolder {

    private static final Logger log = LoggerFactory.getLogger(TenantFolderWatcher.class);

    /** A file as last seen: a new stamp means it is read again. */
    private record Stamp(long modified, long size) {
    }

    private final Path directory;
    private final TenantRegistry registry;
    private final DistrictMigrations migrations;
    private final TenantRegistryWriter writer;
    private final ApplicationEventPublisher events;
    private final Set<String> databases;
    private Map<Path, Stamp> seen;
    private volatile List<TenantFileProblem> problems = List.of();

    TenantFolderWatcher(Path directory, TenantRegistry registry, DistrictMigrations migrations,
                        TenantRegistryWriter writer, ApplicationEventPublisher events) {
        this(directory, registry, migrations, writer, events, Set.of(DistrictDatabases.MAIN));
    }

    /** @param databases the configured database names a file's {@code database} may name (issue 19) */
    TenantFolderWatcher(Path directory, TenantRegistry registry, DistrictMigrations migrations,
                        TenantRegistryWriter writer, ApplicationEventPublisher events, Set<String> databases) {
        this.databases = databases;
        this.directory = directory;
        this.registry = registry;
        this.migrations = migrations;
        this.writer = writer;
        this.events = events;
        this.seen = stamps();
    }

    @Override
    public List<TenantFileProblem> problems() {
        return problems;
    }

    @Scheduled(initialDelayString = "${cascade.tenancy.watch-every:2s}",
            fixedDelayString = "${cascade.tenancy.watch-every:2s}")
    void poll() {
        try {
            reload();
        } catch (RuntimeException e) {
            log.error("Reading the tenant folder {} failed; the districts are unchanged", directory, e);
        }
    }

    /** Reads the folder if any file changed since the last reading, and applies what it can take. */
    synchronized void reload() {
        Map<Path, Stamp> now = stamps();
        if (now.equals(seen)) {
            return;
        }
        seen = now;
        Map<String, Tenant> before = new LinkedHashMap<>();
        registry.all().forEach(t -> before.put(t.id(), t));
        List<TenantFileProblem> found = new ArrayList<>();
        List<Tenant> taken = take(now.keySet().stream().sorted().toList(), before, found);

        writer.write(taken);
        registry.update(taken);
        report(found);
        for (Tenant t : taken) {
            Tenant old = before.get(t.id());
            if (old == null) {
                log.info("District {} added from {}{}", t.id(), t.sourceFile(), t.enabled() ? "" : " (switched off)");
            } else if (!old.equals(t)) {
                log.info("District {} changed in {}{}", t.id(), t.sourceFile(), old.enabled() == t.enabled() ? ""
                        : t.enabled() ? ": switched on" : ": switched off; its users cannot use it, its pushes wait");
            }
            migrations.retryIfUnavailable(t);
            if (old != null && !old.enabled() && t.enabled()) {
                events.publishEvent(new DistrictEnabled(t.id()));
            }
        }
        before.keySet().stream().filter(id -> taken.stream().noneMatch(t -> t.id().equals(id)))
                .forEach(id -> log.info("District {} removed: its tenant file is gone (its data is kept)", id));
    }

    /**
     * Every file that can be taken, in file order; for one that cannot, the district's current settings (if it has
     * any) stay, and the problem is added to {@code found}.
     */
    private List<Tenant> take(List<Path> files, Map<String, Tenant> before, List<TenantFileProblem> found) {
        Map<String, Tenant> bySourceFile = new HashMap<>();
        before.values().forEach(t -> bySourceFile.put(t.sourceFile(), t));
        List<Tenant> taken = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> schemas = new HashSet<>();
        Set<String> organizations = new HashSet<>();
        for (Path file : files) {
            Tenant tenant;
            try {
                tenant = TenantFileLoader.parse(file, databases);
                Tenant old = before.get(tenant.id());
                if (old != null && !old.schema().equals(tenant.schema())) {
                    throw new TenantFileException(file.toString(), "schema", "a registered district's schema cannot "
                            + "change while Cascade runs (it stays " + old.schema() + "); move its data first, then "
                            + "restart the nodes (README, Moving a district)");
                }
                if (old != null && !old.database().equals(tenant.database())) {
                    throw new TenantFileException(file.toString(), "database", "a registered district's database "
                            + "cannot change while Cascade runs (it stays " + old.database() + "); move its data "
                            + "first, then restart the nodes (README, Moving a district)");
                }
                unique(ids, tenant.id(), file, "id");
                unique(schemas, tenant.schema(), file, "schema");
                unique(organizations, tenant.organization(), file, "organization");
            } catch (TenantFileException e) {
                found.add(new TenantFileProblem(file.toString(), e.field(), e.getMessage(), Instant.now()));
                tenant = bySourceFile.get(file.toString());
                if (tenant == null || ids.contains(tenant.id())) {
                    continue;
                }
                ids.add(tenant.id());
                schemas.add(tenant.schema());
                organizations.add(tenant.organization());
            }
            taken.add(tenant);
        }
        return List.copyOf(taken);
    }

    private static void unique(Set<String> seen, String value, Path file, String field) {
        if (!seen.add(value)) {
            throw new TenantFileException(file.toString(), field, "duplicate value '" + value
                    + "', already used by another district");
        }
    }

    /** Logs each problem once, when first seen; the list is replaced by the latest reading's. */
    private void report(List<TenantFileProblem> found) {
        List<TenantFileProblem> kept = new ArrayList<>();
        for (TenantFileProblem p : found) {
            TenantFileProblem earlier = problems.stream().filter(q -> q.message().equals(p.message())).findFirst()
                    .orElse(null);
            if (earlier == null) {
                log.error("{}: the file was not taken, nothing changed for it", p.message());
            }
            kept.add(Objects.requireNonNullElse(earlier, p));
        }
        problems = List.copyOf(kept);
    }

    private Map<Path, Stamp> stamps() {
        Map<Path, Stamp> stamps = new HashMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".yml")).toList()) {
                try {
                    stamps.put(p, new Stamp(Files.getLastModifiedTime(p).toMillis(), Files.size(p)));
                } catch (IOException e) {
                    // gone between the listing and the stat: the next reading sees it removed
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the tenant folder " + directory + ": " + e.getMessage(), e);
        }
        return stamps;
    }
}
