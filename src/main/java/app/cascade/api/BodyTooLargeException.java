package app.cascade.api;

import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.util.Optional;

/**
 * A request body is larger than its endpoint's {@link BodyLimit}: thrown before reading when {@code Content-Length}
 * says so, else by the stream once the limit is passed (chunked bodies). It is an {@link IOException} because it ends
 * reading; Spring reports it wrapped, so handlers look for it with {@link #in(Throwable)}.
 */
public class BodyTooLargeException extends IOException {

    private final DataSize limit;

    public BodyTooLargeException(DataSize limit) {
        super("The request body is larger than the limit of " + limit.toBytes() + " bytes (" + readable(limit) + ")");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }

    /** This exception, if it is {@code e} or one of its causes. */
    public static Optional<BodyTooLargeException> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " B";
    }
}
