package app.cascade.api;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What was wrong with a JSON request body that could not be read, named by field: the first property on the path to
 * the bad value is the {@code field}, and the {@code detail} starts with the whole path ({@code types[0]: ...}). The
 * application's JSON mapper is strict (application.yml, {@code spring.jackson}): unknown fields, numbers for enums,
 * fractions for whole numbers and strings for numbers or booleans are all refused here.
 *
 * @param field  the top-level field, or {@code body} when the body as a whole is bad
 * @param detail a sentence for the client, starting with the path
 */
public record JsonBodyProblem(String field, String detail) {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Long.class, long.class, Integer.class, int.class,
            Short.class, short.class);

    public static JsonBodyProblem of(HttpMessageNotReadableException e) {
        JacksonException json = located(e);
        if (json != null) {
            List<JacksonException.Reference> path = json.getPath();
            String field = path.getFirst().getPropertyName();
            String at = path.stream().map(r -> r.getPropertyName() != null ? "." + r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining());
            at = at.startsWith(".") ? at.substring(1) : at;
            return new JsonBodyProblem(field == null ? "body" : field, at + ": " + describe(json));
        }
        if (e.getCause() == null) { // Spring's own message would name the controller method
            return new JsonBodyProblem("body", "body: A JSON request body is required");
        }
        return new JsonBodyProblem("body", "body: The request body is not valid JSON: "
                + e.getMostSpecificCause().getMessage());
    }

    /** The outermost Jackson exception that knows where in the document it happened, if any. */
    private static JacksonException located(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
                return json;
            }
        }
        return null;
    }

    private static String describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Set<String> known = new TreeSet<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return "unknown field; the known fields are " + String.join(", ", known);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "unknown value '" + format.getValue() + "'; expected one of "
                    + Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == Instant.class) {
            return "'" + format.getValue() + "' is not an ISO-8601 instant such as 2026-12-01T06:00:00Z";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (WHOLE_NUMBERS.contains(target)) {
                return "expected a whole number such as 42, not a fraction, an exponent or a string";
            }
            if (target.isEnum()) {
                return "expected one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
            }
            if (target == Boolean.class || target == boolean.class) {
                return "expected true or false";
            }
            return "expected a value of type " + target.getSimpleName();
        }
        return e.getOriginalMessage();
    }
}
