package app.cascade.push;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which of the district's push requests to list, and from where: newest {@code scheduledAt} first, then by id, at
 * most {@code limit} of them, after the position {@code after} (keyset paging: a request stored meanwhile never
 * shifts the requests after that position). Empty sets and null values filter nothing.
 *
 * @param statuses  only requests in one of these statuses
 * @param kinds     only requests of one of these tools
 * @param catalogId only requests of this catalog (Push to Courses: its master's catalog)
 * @param from      only requests scheduled at or after this instant
 * @param to        only requests scheduled before this instant
 * @param after     the last request of the previous page, or null for the first page
 * @param limit     the most requests to return
 */
public record PushListQuery(Set<PushStatus> statuses, Set<PushKind> kinds, Long catalogId, Instant from, Instant to,
                            Position after, int limit) {

    public PushListQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    /** A request's place in the list's order. */
    public record Position(Instant scheduledAt, UUID id) {
    }
}
