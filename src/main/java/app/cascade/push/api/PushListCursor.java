package app.cascade.push.api;

import app.cascade.api.Paging;
import app.cascade.push.PushListQuery;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The position a cursor of the push list stands for (decision 0021, keyset): the last request of the previous page,
 * as its {@code scheduledAt} and id, which the next page starts after. Paging encodes it; clients never read it.
 */
final class PushListCursor {

    private static final char SEPARATOR = '/';

    private PushListCursor() {
    }

    /** The position after {@code last}, the last request of a page. */
    static String after(PushRequestResource last) {
        return last.scheduledAt().toString() + SEPARATOR + last.id();
    }

    /** The position a page's cursor names; null for the first page; a position not written here is a 400. */
    static PushListQuery.Position read(String position) {
        if (position == null) {
            return null;
        }
        int at = position.indexOf(SEPARATOR);
        if (at < 0) {
            throw Paging.badCursor();
        }
        try {
            return new PushListQuery.Position(Instant.parse(position.substring(0, at)),
                    UUID.fromString(position.substring(at + 1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Paging.badCursor();
        }
    }
}
