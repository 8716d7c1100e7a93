package app.cascade.tenancy.internal;

import app.cascade.tenancy.DistrictAvailability;
import app.cascade.tenancy.DistrictReadiness;
import app.cascade.tenancy.DistrictReady;
import app.cascade.tenancy.DistrictState;
import app.cascade.tenancy.DistrictUnavailableException;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Migrates district schemas in the background (decision 0026): after the shared schema, every registered district is
 * handed to a few migration threads, and the node serves at once. A call for a district whose migration has not
 * started runs it on the caller's thread (no queue to wait in); one whose migration is running waits for it. A failed
 * migration makes that district unavailable, with the reason, and touches no other district. Several nodes may migrate
 * the same schema at once: Flyway's lock serialises them, and a first attempt that loses the race to create the
 * schema is tried again.
 */
final class DistrictMigrations implements DistrictReadiness, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DistrictMigrations.class);

    private final TenantRegistry registry;
    private final ApplicationEventPublisher events;
    private final ExecutorService threads;
    private final Duration wait;
    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder().maxRetries(2)
            .delay(Duration.ofMillis(500)).multiplier(2).build());
    private final Map<String, Migration> migrations = new ConcurrentHashMap<>();
    private final boolean beforeServing;
    /** The DataSource of the server that holds a district's schema; null: the shared schema's (the main server). */
    private final Function<Tenant, DataSource> servers;
    private volatile Configuration flyway;
    private volatile boolean running;

    /**
     * @param beforeServing true: the node starts serving only once every district is migrated (or unavailable), as
     *                      before issue 19 ({@code cascade.tenancy.migrate-before-serving}, used by the tests)
     */
    DistrictMigrations(TenantRegistry registry, ApplicationEventPublisher events, int threadCount, Duration wait,
                       boolean beforeServing) {
        this(registry, events, threadCount, wait, beforeServing, tenant -> null);
    }

    /** @param servers the DataSource of the server that holds a district (issue 19); null: the main server's */
    DistrictMigrations(TenantRegistry registry, ApplicationEventPublisher events, int threadCount, Duration wait,
                       boolean beforeServing, Function<Tenant, DataSource> servers) {
        this.servers = servers;
        this.registry = registry;
        this.events = events;
        this.wait = wait;
        this.beforeServing = beforeServing;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "district-migration-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Called once the shared schema is migrated: from now on a call for a district migrates it if need be. */
    void configure(Configuration sharedFlyway) {
        this.flyway = sharedFlyway;
    }

    /**
     * Hands every registered district to the migration threads, once every bean of the context is there (so the
     * listeners of {@link DistrictReady} are).
     */
    @Override
    public void start() {
        if (flyway == null) {
            throw new IllegalStateException("The shared schema was not migrated before the districts");
        }
        running = true;
        registry.all().forEach(this::migrate);
        if (beforeServing) {
            registry.all().forEach(t -> migrations.get(t.id()).done.join());
        }
    }

    /**
     * Nothing to stop: a migration under way ends (or its transaction dies with the process). A stopped context may be
     * started again (the test framework pauses cached contexts), so the threads live until {@link #close}.
     */
    @Override
    public void stop() {
        running = false;
    }

    /** When the context closes (the bean's destroy method). */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Once the web server takes requests (its phase is below {@link SmartLifecycle#DEFAULT_PHASE}), so that the
     * districts' migrations do not slow the node's start; before it when the node must not serve before they end.
     */
    @Override
    public int getPhase() {
        return beforeServing ? 0 : SmartLifecycle.DEFAULT_PHASE;
    }

    /** Hands {@code tenant} to the migration threads, unless it is already migrated or on its way. */
    void migrate(Tenant tenant) {
        Migration migration = migrations.computeIfAbsent(tenant.id(), id -> new Migration(tenant));
        if (migration.submitted.compareAndSet(false, true)) {
            threads.execute(migration::runOnce);
        }
    }

    /** Forgets a failed migration of {@code tenant} and tries again (its file changed). */
    void retryIfUnavailable(Tenant tenant) {
        Migration previous = migrations.get(tenant.id());
        if (previous != null && previous.failure != null) {
            migrations.remove(tenant.id(), previous);
        }
        migrate(tenant);
    }

    @Override
    public List<Tenant> ready() {
        return registry.all().stream().filter(t -> {
            Migration m = migrations.get(t.id());
            return m != null && m.done.isDone() && m.failure == null;
        }).toList();
    }

    @Override
    public Map<String, DistrictAvailability> availability() {
        Map<String, DistrictAvailability> all = new LinkedHashMap<>();
        registry.all().forEach(t -> all.put(t.id(), availability(t.id())));
        return all;
    }

    private DistrictAvailability availability(String tenantId) {
        Migration m = migrations.get(tenantId);
        if (m == null || !m.done.isDone()) {
            return new DistrictAvailability(tenantId, DistrictState.MIGRATING, null);
        }
        return m.failure == null ? DistrictAvailability.ready(tenantId)
                : new DistrictAvailability(tenantId, DistrictState.UNAVAILABLE, m.failure);
    }

    @Override
    public void awaitReady(String tenantId) {
        Tenant tenant = registry.require(tenantId);
        Migration migration = migrations.get(tenantId);
        if (migration != null && migration.done.isDone() && migration.failure == null) {
            return; // the common case, without a lock or a wait
        }
        if (flyway == null) {
            throw new DistrictUnavailableException(tenantId, "Cascade is still starting; try again in a moment");
        }
        migrate(tenant);
        migration = migrations.get(tenantId);
        if (migration.runner == Thread.currentThread()) {
            return; // a readiness listener of this district, on its migration's thread: the schema is migrated
        }
        migration.runOnce(); // nothing if a migration thread took it already
        try {
            migration.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DistrictUnavailableException(tenantId, tenant.displayName() + " is still being prepared"
                    + " (its data schema is being migrated); try again in a minute");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DistrictUnavailableException(tenantId, "Interrupted while " + tenant.displayName()
                    + " was being prepared");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // never: a migration records its failure and completes normally
        }
        if (migration.failure != null) {
            throw new DistrictUnavailableException(tenantId, tenant.displayName() + " is unavailable: "
                    + migration.failure + ". Support staff can see it in the Support view");
        }
    }

    /** One district's migration: run at most once, by whichever thread gets to it first. */
    private final class Migration {
        final Tenant tenant;
        final AtomicBoolean submitted = new AtomicBoolean();
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile String failure;
        /** The thread running it: its own calls for the district (the readiness listeners') do not wait for it. */
        volatile Thread runner;

        Migration(Tenant tenant) {
            this.tenant = tenant;
        }

        void runOnce() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            runner = Thread.currentThread();
            MDC.put("district", tenant.id());
            try {
                retry.execute(() -> migrateSchema(flyway, servers.apply(tenant), tenant.schema()));
                // before the district counts as ready: what must be in place first (its demo data) is loaded here
                events.publishEvent(new DistrictReady(tenant.id()));
            } catch (RetryException e) {
                failure = reason(e.getLastException());
                log.error("District {} is unavailable: {} (schema {}); the other districts are not affected",
                        tenant.id(), failure, tenant.schema(), e.getLastException());
            } catch (RuntimeException e) {
                log.error("A listener of district {}'s readiness failed; the district is ready", tenant.id(), e);
            } finally {
                runner = null;
                done.complete(null);
                MDC.remove("district");
            }
        }
    }

    /** @param server the DataSource of the server that holds {@code schema}; null: the shared schema's */
    static Object migrateSchema(Configuration shared, DataSource server, String schema) {
        var configuration = Flyway.configure().configuration(shared);
        if (server != null) {
            configuration.dataSource(server);
        }
        var result = configuration
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/district")
                .load()
                .migrate();
        log.info("District schema {} at version {} ({} migration(s) applied)", schema, result.targetSchemaVersion,
                result.migrationsExecuted);
        return result;
    }

    /** Flyway's first line (which migration failed, or what did not validate): for support, not PostgreSQL's text. */
    static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        return "its schema could not be migrated: " + (first.length() > 300 ? first.substring(0, 300) + "…" : first);
    }
}
