package app.cascade.exchange.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeSchemaTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void every_string_of_the_format_has_a_maximum_length_or_a_fixed_form() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ExchangeSchema.LOCATION)) {
            schema = mapper.readTree(in);
        }
        List<String> unbounded = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        collect(schema, "#", unbounded, strings);
        assertThat(strings).as("the walk found the string definitions").hasSizeGreaterThan(5);
        assertThat(unbounded).isEmpty();
    }

    @Test
    void the_text_rules_refuse_what_names_nothing_and_accept_any_script() {
        assertThat(DocumentText.problem("Ünïcödé 漢字 العربية", "name")).isEmpty();
        assertThat(DocumentText.problem("\uD835\uDD38", "name")).as("a pair of surrogates").isEmpty();
        assertThat(DocumentText.problem("-", "code")).as("punctuation is visible").isEmpty();
        assertThat(DocumentText.problem("\u200B\u00A0\u2007\u202F\u3000\u00AD", "name")).get().asString()
                .contains("visible character");
        assertThat(DocumentText.problem("", "description")).as("free text may be empty").isEmpty();
        assertThat(DocumentText.problem("a\tb", "name")).get().asString().contains("U+0009");
        assertThat(DocumentText.problem("a\u007Fb", "body")).get().asString().contains("U+007F");
        assertThat(DocumentText.problem("a\u0085b", "description")).get().asString().contains("U+0085");
        assertThat(DocumentText.problem("\uDC00\uD800", "description")).get().asString()
                .contains("lone surrogate (U+DC00) at character 1");
    }

    /** Every schema node that allows a string and bounds it neither by maxLength nor by an anchored pattern. */
    private static void collect(JsonNode node, String where, List<String> unbounded, List<String> strings) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            // "type" is a keyword when its value is a type name or a list of them (else it is a property named so)
            boolean string = type != null && (type.isString() ? type.asString().equals("string")
                    : type.isArray() && type.valueStream().anyMatch(t -> "string".equals(t.stringValue())));
            if (string) {
                strings.add(where);
                boolean fixed = node.has("pattern") && node.get("pattern").asString().startsWith("^")
                        && node.get("pattern").asString().endsWith("$");
                if (!node.has("maxLength") && !fixed) {
                    unbounded.add(where);
                }
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                collect(property.getValue(), where + "/" + property.getKey(), unbounded, strings);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), where + "/" + i, unbounded, strings);
            }
        }
    }
}
