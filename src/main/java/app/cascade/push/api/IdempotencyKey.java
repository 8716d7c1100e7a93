package app.cascade.push.api;

import app.cascade.api.BadParameterException;

/**
 * The {@code Idempotency-Key} request header (IETF draft-ietf-httpapi-idempotency-key-header): a structured-field
 * string ({@code "4c1e-9d0e"}), which the draft prescribes, or the same characters bare ({@code 4c1e-9d0e}), which
 * many clients send. The key is 1 to 255 printable ASCII characters; {@code "abc"} and {@code abc} are one key.
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** The key the header carries; null for no header. A value that is no key is a 400 naming the header. */
    static String parse(String header) {
        if (header == null) {
            return null;
        }
        String key = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                ? unquote(header.substring(1, header.length() - 1)) : header;
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw bad("must be 1 to " + MAX_LENGTH + " characters long, was " + key.length());
        }
        if (!key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw bad("must be printable ASCII characters, as a string (\"…\") or bare");
        }
        return key;
    }

    /** The inside of a structured-field string: a backslash escapes {@code "} or {@code \}, nothing else. */
    private static String unquote(String quoted) {
        StringBuilder key = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '"') {
                throw bad("a quote inside the key must be escaped as \\\"");
            }
            if (c == '\\') {
                if (i + 1 == quoted.length() || (quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\')) {
                    throw bad("a backslash inside a quoted key escapes only \" or \\");
                }
                c = quoted.charAt(++i);
            }
            key.append(c);
        }
        return key.toString();
    }

    private static BadParameterException bad(String message) {
        return new BadParameterException(HEADER, message);
    }
}
