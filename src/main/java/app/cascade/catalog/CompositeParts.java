package app.cascade.catalog;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of a composite grade (the {@code parts} JSON: {@code [{"taskCode","termCode","weight"}]}) and the rule
 * they follow on a course master (docs/decisions 0004-grading-setup-validation.md): at least one part, each with a
 * task or standard code, a term and a non-negative weight, no part twice, none equal to the composite itself, and
 * weights that are percentages summing to exactly 100.
 */
public record CompositeParts(List<Part> parts) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public CompositeParts {
        parts = List.copyOf(parts);
    }

    /** One child of a composite grade: the grade of {@code taskCode} in {@code termCode}, weighted in percent. */
    public record Part(String taskCode, String termCode, BigDecimal weight) {

        String key() {
            return taskCode + "|" + termCode;
        }
    }

    /** Parses the stored JSON, refusing anything that is not a list of parts. */
    public static CompositeParts parse(String json) {
        if (json == null || json.isBlank()) {
            return new CompositeParts(List.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new SetupEditException("The composite grade's parts are not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isArray()) {
            throw new SetupEditException("The composite grade's parts must be a list of {taskCode, termCode, weight}");
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode node : root) {
            JsonNode weight = node.get("weight");
            BigDecimal value;
            if (weight == null || weight.isNull()) {
                value = null;
            } else if (weight.isNumber()) {
                value = weight.decimalValue();
            } else {
                try {
                    value = new BigDecimal(weight.asString().strip());
                } catch (NumberFormatException e) {
                    throw new SetupEditException("A composite part's weight must be a number, was \""
                            + weight.asString() + "\"");
                }
            }
            parts.add(new Part(text(node, "taskCode"), text(node, "termCode"), value));
        }
        return new CompositeParts(parts);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
    }

    /**
     * Enforces the rule of the class comment for the composite of ({@code taskCode}, {@code termCode}). A refusal names
     * the value at fault ({@link SetupEditException#field()}): {@code parts}, {@code parts[i]} or
     * {@code parts[i].weight}.
     */
    public void validateFor(String taskCode, String termCode) {
        if (parts.isEmpty()) {
            throw new SetupEditException("A composite grade needs at least one part (a task or standard, a term and "
                    + "a weight)", "parts");
        }
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String field = "parts[" + i + "]";
            if (part.taskCode() == null || part.termCode() == null) {
                throw new SetupEditException("Each composite part needs a task or standard code and a term", field);
            }
            if (part.weight() == null) {
                throw new SetupEditException("The composite part " + label(part) + " needs a weight",
                        field + ".weight");
            }
            if (part.weight().signum() < 0) {
                throw new SetupEditException("The composite part " + label(part) + " has a negative weight ("
                        + part.weight().toPlainString() + ")", field + ".weight");
            }
            if (!seen.add(part.key())) {
                throw new SetupEditException("The composite part " + label(part) + " is listed twice", field);
            }
            if (part.taskCode().equals(taskCode) && part.termCode().equals(termCode)) {
                throw new SetupEditException("A composite grade cannot be a part of itself (" + label(part) + ")",
                        field);
            }
            sum = sum.add(part.weight());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw new SetupEditException("The weights of a composite grade's parts must add up to 100 %; "
                    + parts.stream().map(p -> label(p) + " " + p.weight().stripTrailingZeros().toPlainString())
                    .collect(Collectors.joining(" + ")) + " = " + sum.stripTrailingZeros().toPlainString() + " %",
                    "parts");
        }
    }

    /**
     * How a person reads the parts, in their order: "QTR Q1 40 % + QTR Q2 40 % + EXAM S1 20 %" (the one way every
     * screen shows a composite grade); "no parts" when there is none.
     */
    public String describe() {
        if (parts.isEmpty()) {
            return "no parts";
        }
        return parts.stream().map(p -> text(p.taskCode()) + " " + text(p.termCode()) + " "
                        + (p.weight() == null ? "?" : p.weight().stripTrailingZeros().toPlainString()) + " %")
                .collect(Collectors.joining(" + "));
    }

    /** {@link #describe()} of the stored JSON; text that is not a list of parts is shown as it is. */
    public static String describe(String json) {
        try {
            return parse(json).describe();
        } catch (SetupEditException unreadable) {
            return json;
        }
    }

    private static String text(String value) {
        return value == null ? "?" : value;
    }

    /** The task and standard codes the parts refer to. */
    public Set<String> taskCodes() {
        return parts.stream().map(Part::taskCode).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The JSON to store, in a stable form. */
    public String toJson() {
        return parts.stream().map(p -> "{\"taskCode\": " + quote(p.taskCode()) + ", \"termCode\": "
                        + quote(p.termCode()) + ", \"weight\": "
                        + (p.weight() == null ? "null" : p.weight().stripTrailingZeros().toPlainString()) + "}")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quote(String value) {
        return value == null ? "null" : JSON.writeValueAsString(value);
    }

    private static String label(Part part) {
        return part.taskCode() + " / " + part.termCode();
    }

    /** "Q1 T1 50" lines, as the master item dialog edits them, to parts; refuses lines it cannot read. */
    public static CompositeParts fromLines(String text) {
        List<Part> parts = new ArrayList<>();
        int line = 0;
        for (String raw : (text == null ? "" : text).split("\\R")) {
            line++;
            String row = raw.strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] cells = row.split("[\\s,;]+");
            if (cells.length != 3) {
                throw new SetupEditException("Line " + line + " of the parts should read \"TASK TERM WEIGHT\", "
                        + "for example \"Q1 T1 50\", was \"" + row + "\"");
            }
            try {
                parts.add(new Part(cells[0], cells[1], new BigDecimal(cells[2].replace("%", ""))));
            } catch (NumberFormatException e) {
                throw new SetupEditException("Line " + line + " of the parts: the weight \"" + cells[2]
                        + "\" is not a number");
            }
        }
        return new CompositeParts(parts);
    }

    /** The inverse of {@link #fromLines}. */
    public String toLines() {
        return parts.stream().map(p -> p.taskCode() + " " + p.termCode() + " "
                        + (p.weight() == null ? "" : p.weight().stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining("\n"));
    }
}
