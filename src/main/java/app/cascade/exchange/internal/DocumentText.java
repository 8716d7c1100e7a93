package app.cascade.exchange.internal;

import app.cascade.exchange.ExchangeValidationException.Problem;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text rules of the exchange format that its JSON Schema cannot say ({@code docs/exchange-format.md}, "Text"),
 * for every string of a document: no lone surrogate (PostgreSQL would store it as {@code ?}), no control character
 * (the free texts {@code description} and {@code body} may hold tabs and line breaks), and, in every string but those
 * free texts, at least one visible character: a letter, digit, punctuation mark or symbol. Text made only of spaces
 * and zero-width or other format characters (U+200B, U+200D, U+2060, U+FEFF...) names nothing a reader can see.
 * Lengths are the schema's ({@code maxLength}).
 */
final class DocumentText {

    /** The fields whose text is free: they may be blank and may hold tabs and line breaks. */
    static final Set<String> FREE_TEXT = Set.of("description", "body");
    private static final Set<Integer> FREE_TEXT_CONTROLS = Set.of((int) '\t', (int) '\n', (int) '\r');
    private static final Pattern VISIBLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]");

    private DocumentText() {
    }

    /** Every string of {@code document} that breaks a text rule, with its JSON path, at most {@code limit}. */
    static List<Problem> problems(JsonNode document, int limit) {
        List<Problem> problems = new ArrayList<>();
        walk(document, "$", null, problems, limit);
        return problems;
    }

    /** What is wrong with {@code text} as the value of {@code field}, if anything. */
    static Optional<String> problem(String text, String field) {
        boolean free = FREE_TEXT.contains(field);
        for (int i = 0, position = 1; i < text.length(); position++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("holds a lone surrogate (" + codePoint(c) + ") at character " + position
                        + ": that is not Unicode text");
            }
            if (Character.getType(c) == Character.CONTROL && !(free && FREE_TEXT_CONTROLS.contains((int) c))) {
                return Optional.of("holds the control character " + codePoint(c) + " at character " + position
                        + (free ? ": only tabs and line breaks are allowed" : ": it must be a single line of text"));
            }
            i++;
        }
        if (!free && !VISIBLE.matcher(text).find()) {
            return Optional.of("must hold a visible character (a letter, digit, punctuation mark or symbol): blank "
                    + "text, or text made only of spaces and zero-width characters, is refused");
        }
        return Optional.empty();
    }

    private static void walk(JsonNode node, String path, String field, List<Problem> problems, int limit) {
        if (problems.size() >= limit) {
            return;
        }
        if (node.isString()) {
            problem(node.asString(), field).ifPresent(message -> problems.add(new Problem(path, message)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", field, problems, limit);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                walk(property.getValue(), path + "." + property.getKey(), property.getKey(), problems, limit);
            }
        }
    }

    private static String codePoint(char c) {
        return "U+%04X".formatted((int) c);
    }
}
