package app.cascade.push.internal;

import app.cascade.push.PushCommand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Idempotency-Keys of push submissions in the current district's schema ({@code push_idempotency_key}, V15): the
 * key, a fingerprint of the push it asked for, and the request it stored. Callers own the transaction, which also
 * stores the request: the primary key then decides between two submissions with one key, the second waiting for the
 * first's commit. A key is kept {@link #KEPT_FOR}, then forgotten by the next submission with a key.
 */
@Component
public class IdempotencyKeys {

    /** How long a key answers with its first request (at least 24 hours, as the issue asks). */
    public static final Duration KEPT_FOR = Duration.ofHours(24);
    /** The most expired keys of other clients one submission deletes. */
    private static final int PURGED_PER_SUBMISSION = 1000;

    private final JdbcTemplate jdbc;

    public IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A key in use: what it was used for, and the request it stored. */
    public record Used(String fingerprint, UUID requestId) {
    }

    /**
     * What the push asked for, whatever the JSON looked like (spaces, member order, defaults spelled out or left
     * out): SHA-256 of the parsed command and the scheduled time, in hex.
     */
    public static String fingerprint(PushCommand command, Instant scheduledAt) {
        String canonical = String.join("|", command.kind().name(), String.valueOf(command.catalogId()),
                String.valueOf(command.masterId()), String.valueOf(command.schoolYearId()),
                String.valueOf(command.calendarId()), command.mode().name(), String.valueOf(command.toSections()),
                command.types().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                String.valueOf(scheduledAt));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /**
     * Forgets the expired keys: this key's, waiting for a submission that holds it, and up to
     * {@value #PURGED_PER_SUBMISSION} others, skipping those another submission is deleting right now.
     */
    public void forgetExpired(String key) {
        long seconds = KEPT_FOR.toSeconds();
        jdbc.update("delete from push_idempotency_key where key = ? and created_at < now() - make_interval(secs => ?)",
                key, seconds);
        jdbc.update("""
                delete from push_idempotency_key where key in (
                    select key from push_idempotency_key where created_at < now() - make_interval(secs => ?)
                    order by created_at limit ? for update skip locked)
                """, seconds, PURGED_PER_SUBMISSION);
    }

    /** The key, if the district used it within {@link #KEPT_FOR}. */
    public Optional<Used> find(String key) {
        return jdbc.query("""
                select fingerprint, request_id from push_idempotency_key
                where key = ? and created_at >= now() - make_interval(secs => ?)
                """, (rs, n) -> new Used(rs.getString(1), rs.getObject(2, UUID.class)), key, KEPT_FOR.toSeconds())
                .stream().findFirst();
    }

    /**
     * Records the key for the request just stored; false when another submission holds it. A submission that holds
     * it and has not committed yet is waited for (the primary key's insert waits for its commit or rollback).
     */
    public boolean claim(String key, String fingerprint, UUID requestId) {
        return jdbc.update("""
                insert into push_idempotency_key (key, fingerprint, request_id) values (?, ?, ?)
                on conflict (key) do nothing
                """, key, fingerprint, requestId) == 1;
    }
}
