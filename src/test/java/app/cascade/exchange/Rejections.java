package app.cascade.exchange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports a changed copy of a valid document into district {@code alpha} and asserts that it is rejected as a whole:
 * an {@link ExchangeValidationException} whose first problem is at the expected JSON path, no text of PostgreSQL's in
 * the message, and every district table exactly as it was.
 */
record Rejections(DistrictExchangeService exchange, JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper mapper,
                  String base) {

    /** Phrases of PostgreSQL's own error messages. */
    private static final List<String> DATABASE_TEXT = List.of("ERROR:", "index row", "violates", "invalid byte",
            "SQL", "PSQL", "out of range");

    void assertRejected(Consumer<ObjectNode> change, String path, String message) {
        assertRejected(change, json -> json, path, message);
    }

    /** {@code edit} rewrites the JSON text after {@code change}: for what a JSON tree cannot hold (lone surrogates). */
    void assertRejected(Consumer<ObjectNode> change, UnaryOperator<String> edit, String path, String message) {
        ObjectNode doc = (ObjectNode) mapper.readTree(base);
        change.accept(doc);
        assertRejected(edit.apply(mapper.writeValueAsString(doc)).getBytes(StandardCharsets.UTF_8), path, message);
    }

    ExchangeValidationException assertRejected(byte[] document, String path, String message) {
        Map<String, List<String>> before = ExchangeTestSupport.snapshot("alpha", jdbc, tx);
        ExchangeValidationException[] thrown = new ExchangeValidationException[1];
        assertThatThrownBy(() -> exchange.importDistrict(document))
                .isInstanceOf(ExchangeValidationException.class)
                .satisfies(e -> {
                    ExchangeValidationException x = (ExchangeValidationException) e;
                    assertThat(x.path()).isEqualTo(path);
                    assertThat(x.getMessage()).startsWith(path + ": ").contains(message);
                    assertThat(x.getMessage()).doesNotContain(DATABASE_TEXT);
                    thrown[0] = x;
                });
        Map<String, List<String>> after = ExchangeTestSupport.snapshot("alpha", jdbc, tx);
        assertThat(after).isEqualTo(before);
        return thrown[0];
    }

    /** Imports the changed document, which must be valid. */
    ImportSummary imported(Consumer<ObjectNode> change) {
        ObjectNode doc = (ObjectNode) mapper.readTree(base);
        change.accept(doc);
        return exchange.importDistrict(mapper.writeValueAsBytes(doc));
    }

    static ObjectNode obj(ObjectNode doc, String pointer) {
        JsonNode node = pointer.isEmpty() ? doc : doc.at(JsonPointer.compile(pointer));
        return (ObjectNode) node;
    }

    static ArrayNode array(ObjectNode doc, String pointer) {
        return (ArrayNode) doc.at(JsonPointer.compile(pointer));
    }
}
