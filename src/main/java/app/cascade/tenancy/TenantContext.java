package app.cascade.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Explicit tenant binding for code that runs without a signed-in user: background jobs, start-up tasks and
 * tests. Bindings nest and are always undone in {@code finally}. Interactive requests do not use this: their tenant
 * comes from the authenticated user on every call (see {@code docs/decisions/0001-tenant-binding.md}).
 */
public final class TenantContext {

    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The explicitly bound tenant id of this thread, if any. */
    public static Optional<String> explicitTenant() {
        return Optional.ofNullable(BOUND.get());
    }

    public static void run(String tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T call(String tenantId, Supplier<T> work) {
        String previous = BOUND.get();
        BOUND.set(requireTenantId(tenantId));
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static <T> T callChecked(String tenantId, Callable<T> work) throws Exception {
        String previous = BOUND.get();
        BOUND.set(requireTenantId(tenantId));
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    private static String requireTenantId(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant id is required");
        }
        return tenantId;
    }

    private static void restore(String previous) {
        if (previous == null) {
            BOUND.remove();
        } else {
            BOUND.set(previous);
        }
    }
}
