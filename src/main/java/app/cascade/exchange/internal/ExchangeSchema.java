package app.cascade.exchange.internal;

import app.cascade.exchange.ExchangeValidationException.Problem;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schema of the exchange format ({@code classpath:exchange/district.schema.json}, draft 2020-12), checked with
 * networknt json-schema-validator (which runs on Jackson 3, like Boot 4). Thread-safe; usable without Spring.
 */
public final class ExchangeSchema {

    public static final String LOCATION = "exchange/district.schema.json";
    private static final int MAX_REPORTED = 20;

    private final Schema schema;

    public ExchangeSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = ExchangeSchema.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + LOCATION);
            }
            this.schema = registry.getSchema(in);
            this.schema.initializeValidators();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every schema violation of {@code document}, each with the JSON path of the offending value. */
    public List<Problem> problems(JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.stream()
                .map(e -> new Problem(jsonPath(e.getInstanceLocation(),
                        "required".equals(e.getKeyword()) ? e.getProperty() : null), message(e)))
                .distinct()
                .limit(MAX_REPORTED)
                .toList();
    }

    private static String message(Error error) {
        String message = error.getMessage();
        return message == null ? error.getKeyword() : message;
    }

    /** {@code $.schools[0].name} style, whatever path type the validator was configured with. */
    static String jsonPath(NodePath location, String property) {
        StringBuilder path = new StringBuilder("$");
        if (location != null) {
            for (int i = 0; i < location.getNameCount(); i++) {
                Object element = location.getElement(i);
                if (element instanceof Integer index) {
                    path.append('[').append(index).append(']');
                } else {
                    path.append('.').append(element);
                }
            }
        }
        if (property != null) {
            path.append('.').append(property);
        }
        return path.toString();
    }
}
