package app.cascade.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The one paging scheme of every list endpoint (decision 0021): the query parameters {@code limit} (1-500, default 50)
 * and {@code cursor} (opaque, taken from the previous page); the body is the page's JSON array, and while more items
 * follow, a {@code Link: <…>; rel="next"} header (RFC 8288) gives the next page's URL: the same URL with the
 * {@code cursor} of the page's last item. A list without a next link is complete.
 * <p>
 * A list fetches {@link #fetchSize()} items (one more than the limit, to know whether another page follows) and
 * answers with {@link #respond}. A cursor is a position in one list's order: an offset ({@link #offset()}) or a key
 * the list itself writes and reads ({@link #position()}); a client never builds one.
 *
 * @param limit    the most items of this page
 * @param position the decoded cursor, or null for the first page
 */
public record Paging(int limit, String position) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";
    /** How the two parameters read in the API's document. */
    public static final String LIMIT_DOC = "At most this many items (1-500); default 50";
    public static final String CURSOR_DOC = "Where the page starts: the `cursor` of the previous page's "
            + "`Link: <...>; rel=\"next\"`; leave it out for the first page";

    /** The first page of {@code limit} items. */
    public static Paging first(int limit) {
        return new Paging(limit, null);
    }

    /** Reads the two parameters, refusing (400, naming the parameter) a limit out of range or a cursor not ours. */
    public static Paging of(Integer limit, String cursor) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new BadParameterException(LIMIT, "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return new Paging(limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isEmpty() ? null
                : decode(cursor));
    }

    /** One item more than the page holds: whether it came back says whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The number of items before this page, for a list in a stable order paged by offset. */
    public long offset() {
        if (position == null) {
            return 0;
        }
        if (!position.matches("o[0-9]{1,12}")) {
            throw badCursor();
        }
        return Long.parseLong(position.substring(1));
    }

    /** The page of a list paged by offset: {@code fetched} holds up to {@link #fetchSize()} items from the offset. */
    public <T> ResponseEntity<List<T>> respond(List<T> fetched) {
        long next = offset() + limit;
        return respond(fetched, last -> "o" + next);
    }

    /**
     * The page of a short list read whole (a district's school years, catalogs, a year's calendars): cut in memory,
     * with the same parameters and the same next link as any other list.
     */
    public <T> ResponseEntity<List<T>> respondFrom(List<T> whole) {
        int from = (int) Math.min(offset(), whole.size());
        return respond(whole.subList(from, (int) Math.min(whole.size(), (long) from + fetchSize())));
    }

    /**
     * The page, and a next link whose cursor is {@code positionAfter} the page's last item when more items were
     * fetched than the page holds.
     */
    public <T> ResponseEntity<List<T>> respond(List<T> fetched, Function<T, String> positionAfter) {
        if (fetched.size() <= limit) {
            return ResponseEntity.ok(fetched);
        }
        List<T> page = List.copyOf(fetched.subList(0, limit));
        String cursor = encode(positionAfter.apply(page.getLast()));
        String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(CURSOR, cursor)
                .replaceQueryParam(LIMIT, limit).build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(page);
    }

    /** A cursor the list itself cannot read back (its own keys) is refused with this. */
    public static BadParameterException badCursor() {
        return new BadParameterException(CURSOR, "is not a cursor of this list: take it from the previous page's "
                + "Link header, or leave it out for the first page");
    }

    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        if (cursor.length() > 200) {
            throw badCursor();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }
}
