package app.cascade.nodes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * District exchange documents ({@code GET /api/v1/district}) cut into comparable pieces: one canonical string per
 * course (its info, items, sections, section items and gradebook). Items created by a push get random UUIDs, so two
 * runs of the same push differ only there: a UUID that did not exist before the push is replaced by what the item is
 * (level, type, code, name, task, term); arrays are compared as multisets, keys in order.
 */
final class Exports {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Exports() {
    }

    static JsonNode parse(byte[] document) {
        return JSON.readTree(document);
    }

    /** Every UUID in the document. */
    static Set<String> uuids(JsonNode document) {
        Set<String> ids = new HashSet<>();
        collect(document, ids);
        return ids;
    }

    private static void collect(JsonNode node, Set<String> ids) {
        if (node.isString() && UUID_PATTERN.matcher(node.asString()).matches()) {
            ids.add(node.asString());
        }
        for (JsonNode child : node) {
            collect(child, ids);
        }
    }

    /**
     * The courses of {@code document}, keyed by school, calendar and course number, each as a canonical string in
     * which the UUIDs not in {@code known} are replaced by a description of their item.
     */
    static Map<String, String> courses(JsonNode document, Set<String> known) {
        Map<String, String> names = new HashMap<>();
        forEachCourse(document, (key, course) -> {
            describeNew(course.path("items"), "course", known, names);
            for (JsonNode section : course.path("sections")) {
                describeNew(section.path("items"), "section " + text(section, "number"), known, names);
            }
        });
        Map<String, String> courses = new TreeMap<>();
        forEachCourse(document, (key, course) -> courses.put(key, canonical(course, known, names)));
        return courses;
    }

    /** The document without its schools (catalogs, masters, years), canonical. */
    static String withoutSchools(JsonNode document, Set<String> known) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) document.deepCopy();
        copy.remove("schools");
        copy.remove("district");
        return canonical(copy, known, Map.of());
    }

    private interface CourseVisitor {
        void visit(String key, JsonNode course);
    }

    private static void forEachCourse(JsonNode document, CourseVisitor visitor) {
        for (JsonNode school : document.path("schools")) {
            for (JsonNode calendar : school.path("calendars")) {
                for (JsonNode course : calendar.path("courses")) {
                    visitor.visit(text(school, "code") + "/" + text(calendar, "name") + "/"
                            + text(course, "number"), course);
                }
            }
        }
    }

    private static void describeNew(JsonNode items, String level, Set<String> known, Map<String, String> names) {
        for (JsonNode item : items) {
            String id = text(item, "id");
            if (!id.isEmpty() && !known.contains(id)) {
                names.put(id, "new " + level + " item " + text(item, "type") + "|"
                        + text(item, "code") + "|" + text(item, "name") + "|"
                        + text(item, "taskCode") + "|" + text(item, "termCode"));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : "";
    }

    static String canonical(JsonNode node, Set<String> known, Map<String, String> names) {
        if (node.isObject()) {
            TreeMap<String, String> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                fields.put(e.getKey(), canonical(e.getValue(), known, names));
            }
            return fields.toString();
        }
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            for (JsonNode child : node) {
                elements.add(canonical(child, known, names));
            }
            elements.sort(null);
            return elements.toString();
        }
        if (node.isString()) {
            String value = node.asString();
            if (UUID_PATTERN.matcher(value).matches() && !known.contains(value)) {
                return names.getOrDefault(value, "new unknown id");
            }
            return '"' + value + '"';
        }
        return node.toString();
    }
}
