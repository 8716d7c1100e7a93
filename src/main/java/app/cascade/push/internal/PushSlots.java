package app.cascade.push.internal;

import app.cascade.push.PushStatus;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.UUID;

/**
 * The running slots of a district's pushes (issue 19, decision 0025): at most the district's
 * {@code maxRunningPushes} of its requests are {@code RUNNING} at once, on all nodes together. A job claims a slot
 * before it starts its request; a request that finds none is held ({@code QUEUED} with a note that starts with
 * {@link PushRequestStore#WAITING}, as one held for Batch Reporting or a switched-off district), and when slots are
 * free the oldest held requests are taken to get jobs. Claims and takes of one district run one after another on all
 * nodes: each first takes the district's slot lock (a transaction-scoped advisory lock, {@link DistrictLockKey}), so
 * each counts the RUNNING requests as the one before it left them. Callers own the transaction, one short one per
 * call, in the current district.
 */
@Component
public class PushSlots {

    /** What a claim did with the request. */
    public enum Claim {
        /** The request has a slot (just taken, or kept by a request already running): run it. */
        STARTED,
        /** Every slot is taken: the request is held with a note, and its job ends. */
        HELD,
        /** The request is gone or has ended: nothing to run. */
        GONE
    }

    private final JdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final PushRequestStore store;

    public PushSlots(JdbcTemplate jdbc, CurrentTenant currentTenant, PushRequestStore store) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.store = store;
    }

    /**
     * Claims a slot for the request: marks it RUNNING if fewer than {@code cap} of the district's requests run, holds
     * it otherwise. A request already RUNNING (a retry, or a resume after a crash) keeps its slot.
     */
    public Claim claim(UUID requestId, int cap) {
        lockSlots();
        List<String> status = jdbc.queryForList("select status from push_request where id = ? for update",
                String.class, requestId);
        if (status.isEmpty() || PushStatus.valueOf(status.getFirst()).isFinal()) {
            return Claim.GONE;
        }
        if (PushStatus.valueOf(status.getFirst()) == PushStatus.RUNNING) {
            return Claim.STARTED;
        }
        int running = running();
        if (running < cap) {
            jdbc.update("update push_request set status = 'RUNNING', message = null where id = ?", requestId);
            return Claim.STARTED;
        }
        store.markWaiting(requestId, busy(running));
        return Claim.HELD;
    }

    /**
     * Takes the district's oldest held requests, as many as it has free slots, and clears their notes, so that nothing
     * else takes them too; the others are noted as waiting for a slot. The free slots are {@code cap} less the
     * requests that run or are about to claim a slot (QUEUED with no note: their job will claim one, as will those
     * taken by an earlier call), so two pushes ending at once hand on two slots, not three. The caller gives the taken
     * ones jobs after the commit; each still claims its slot when its job starts.
     *
     * @return the taken requests, oldest first
     */
    public List<UUID> takeHeld(int cap) {
        lockSlots();
        Integer claiming = jdbc.queryForObject("""
                select count(*) from push_request
                where status = 'RUNNING' or (status = 'QUEUED' and (message is null or message not like ?))
                """, Integer.class, PushRequestStore.WAITING + "%");
        int free = cap - (claiming == null ? 0 : claiming);
        List<UUID> taken = free <= 0 ? List.of() : jdbc.queryForList("""
                select id from push_request where status = 'QUEUED' and message like ?
                order by scheduled_at, submitted_at limit ? for update
                """, UUID.class, PushRequestStore.WAITING + "%", free);
        if (!taken.isEmpty()) {
            jdbc.update("update push_request set message = null where id = any (?)",
                    (Object) taken.toArray(UUID[]::new));
        }
        jdbc.update("update push_request set message = ? where status = 'QUEUED' and message like ?",
                PushRequestStore.WAITING + busy(cap), PushRequestStore.WAITING + "%");
        return taken;
    }

    /** The note of a request held for a slot. */
    static String busy(int running) {
        return (running == 1 ? "1 push of this district is running" : running + " pushes of this district are running")
                + " (its limit); this one starts when one ends";
    }

    private int running() {
        Integer n = jdbc.queryForObject("select count(*) from push_request where status = 'RUNNING'", Integer.class);
        return n == null ? 0 : n;
    }

    /** Waits for the district's other claims and takes to commit; released when this transaction ends. */
    private void lockSlots() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A district's slots are claimed and taken inside a transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(hashtext(?), ?)", rs -> null,
                DistrictLockKey.of(currentTenant.require().schema()), DistrictLockKey.SLOTS);
    }
}
