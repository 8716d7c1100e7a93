package app.cascade.exchange;

import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.Master;
import app.cascade.exchange.DistrictDocument.Section;
import app.cascade.exchange.internal.ExchangeSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed demo districts (tenants/*.json): valid against the schema, exactly what {@link DemoDistrictGenerator}
 * produces, small enough, and holding something for every rule of push-rules.md. {@code DemoDistrictsIT} imports them.
 */
class DemoDistrictsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"lakeside", "cedar-valley"})
    void committed_file_is_valid_against_the_schema_and_up_to_date(String id) throws Exception {
        Path file = Path.of("tenants", id + ".json");
        byte[] committed = Files.readAllBytes(file);
        JsonNode tree = MAPPER.readTree(committed);
        assertThat(new ExchangeSchema().problems(tree)).isEmpty();
        assertThat(committed.length).isLessThan(3 * 1024 * 1024);
        DemoDistrictGenerator.Profile profile = id.equals("lakeside") ? DemoDistrictGenerator.LAKESIDE
                : DemoDistrictGenerator.CEDAR_VALLEY;
        assertThat(new String(committed, java.nio.charset.StandardCharsets.UTF_8))
                .as("tenants/%s.json must be regenerated: run DemoDistrictGenerator.main", id)
                .isEqualTo(new String(DemoDistrictGenerator.json(profile), java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lakeside", "cedar-valley"})
    void demo_district_covers_every_push_rule(String id) throws Exception {
        DistrictDocument doc = MAPPER.readValue(Path.of("tenants", id + ".json").toFile(), DistrictDocument.class);
        Map<String, Boolean> coverage = coverage(doc);
        assertThat(coverage).allSatisfy((rule, present) -> assertThat(present).as(rule).isTrue());
        assertThat(doc.district()).as("demo files import into any district").isNull();
        assertThat(doc.catalogs()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(DemoDistrictGenerator.CATALOG);
            assertThat(c.masters()).hasSizeBetween(35, 45);
        });
        assertThat(doc.schools()).hasSizeBetween(2, 3);
        assertThat(doc.schoolYears()).extracting(DistrictDocument.SchoolYear::code).containsExactly("26-27", "27-28");
        // the future year is rolled forward without gradebook data
        assertThat(calendars(doc).filter(c -> c.year().equals("27-28")).flatMap(c -> c.courses().stream())
                .flatMap(c -> c.sections().stream()))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.assignments().isEmpty() && s.postedGrades().isEmpty()).isTrue());
    }

    @org.junit.jupiter.api.Test
    void documentation_example_is_valid_against_the_schema() throws Exception {
        String doc = Files.readString(Path.of("docs", "exchange-format.md"));
        int start = doc.indexOf("```json", doc.indexOf("## Example")) + "```json".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        assertThat(new ExchangeSchema().problems(MAPPER.readTree(example))).isEmpty();
        assertThat(new ExchangeSchema().problems(MAPPER.readTree(example.replace("\"QTR\"", "\"QTR\", \"x\": 1"))))
                .isNotEmpty();
    }

    /** Each rule of push-rules.md that needs data, and whether {@code doc} has some. */
    static Map<String, Boolean> coverage(DistrictDocument doc) {
        Map<UUID, String> masterOfItem = new HashMap<>();
        Map<String, Master> masters = new HashMap<>();
        Set<String> grading = Set.of("TASKS_STANDARDS", "CATEGORIES", "ASSESSMENTS", "CALC_OPTIONS", "COMPOSITES");
        doc.catalogs().forEach(c -> c.masters().forEach(m -> {
            masters.put(c.name() + "|" + m.number(), m);
            m.items().forEach(i -> masterOfItem.put(i.id(), m.number()));
        }));
        List<Course> linked = calendars(doc).flatMap(c -> c.courses().stream()).filter(c -> c.master() != null)
                .toList();
        Map<String, Boolean> rules = new LinkedHashMap<>();
        rules.put("a locked grading type", doc.catalogs().stream().anyMatch(c -> c.locks().stream()
                .anyMatch(grading::contains)));
        rules.put("an unlocked grading type", doc.catalogs().stream().anyMatch(c -> !c.locks().containsAll(grading)));
        rules.put("a locked Course Info field", doc.catalogs().stream().anyMatch(c -> c.locks().contains("name")));
        rules.put("teacher category with assignments", sections(doc).anyMatch(s -> s.items().stream()
                .filter(i -> "TEACHER".equals(i.origin()) && i.type().equals("CATEGORY"))
                .anyMatch(i -> s.assignments().stream().anyMatch(a -> i.id().equals(a.category())))));
        rules.put("teacher category without assignments", sections(doc).anyMatch(s -> s.items().stream()
                .filter(i -> "TEACHER".equals(i.origin()) && i.type().equals("CATEGORY"))
                .anyMatch(i -> s.assignments().stream().noneMatch(a -> i.id().equals(a.category())))));
        rules.put("course-created item on a linked course", linked.stream().anyMatch(c -> c.items().stream()
                .anyMatch(i -> "COURSE".equals(i.origin()))));
        rules.put("Ignore Master Push course", linked.stream().anyMatch(Course::ignoreMasterPushFlag));
        rules.put("course with no master link", calendars(doc).flatMap(c -> c.courses().stream())
                .anyMatch(c -> c.master() == null));
        rules.put("desynced: foreign link", linked.stream().anyMatch(c -> c.items().stream()
                .anyMatch(i -> i.link() != null && masterOfItem.containsKey(i.link())
                        && !masterOfItem.get(i.link()).equals(c.master().number()))));
        rules.put("desynced: two items linked to one master item", linked.stream().anyMatch(c -> c.items().stream()
                .map(Item::link).filter(Objects::nonNull).distinct().count()
                < c.items().stream().map(Item::link).filter(Objects::nonNull).count()));
        rules.put("detached item with the master's key", linked.stream().anyMatch(c -> {
            Master m = masters.get(c.master().catalog() + "|" + c.master().number());
            return c.items().stream().filter(i -> i.link() == null && !i.residualFlag() && "MASTER".equals(i.origin()))
                    .anyMatch(i -> m.items().stream().anyMatch(mi -> mi.type().equals(i.type())
                            && Objects.equals(mi.code(), i.code()) && Objects.equals(mi.name(), i.name())));
        }));
        rules.put("residual item with dependents", calendars(doc).flatMap(c -> c.courses().stream()).anyMatch(c ->
                c.items().stream().filter(Item::residualFlag).anyMatch(i -> c.sections().stream().anyMatch(s ->
                        s.assignments().stream().anyMatch(a -> i.id().equals(a.task()))
                                || s.postedGrades().stream().anyMatch(g -> i.id().equals(g.task()))))));
        rules.put("section calc option forced to NO_CALCULATION", sections(doc)
                .anyMatch(s -> s.items().stream().anyMatch(Item::forcedNoCalcFlag)));
        rules.put("link to a master item that no longer exists", linked.stream().anyMatch(c -> c.items().stream()
                .anyMatch(i -> i.link() != null && !masterOfItem.containsKey(i.link()))));
        rules.put("master calc option whose term a calendar lacks", calendars(doc).anyMatch(cal -> {
            Set<String> terms = new java.util.HashSet<>();
            cal.terms().forEach(t -> terms.add(t.code()));
            return cal.courses().stream().filter(c -> c.master() != null).anyMatch(c ->
                    masters.get(c.master().catalog() + "|" + c.master().number()).items().stream()
                            .anyMatch(i -> i.type().equals("CALC_OPTION") && !terms.contains(i.termCode())));
        }));
        rules.put("assignments with scores", sections(doc).anyMatch(s -> s.assignments().stream()
                .anyMatch(a -> !a.scores().isEmpty())));
        rules.put("assignments with comments", sections(doc).anyMatch(s -> s.assignments().stream()
                .anyMatch(a -> !a.comments().isEmpty())));
        rules.put("posted grades", sections(doc).anyMatch(s -> !s.postedGrades().isEmpty()));
        rules.put("two sections or more per linked course", linked.stream().allMatch(c -> c.sections().size() >= 2));
        return rules;
    }

    static Stream<Calendar> calendars(DistrictDocument doc) {
        return doc.schools().stream().flatMap(s -> s.calendars().stream());
    }

    static Stream<Section> sections(DistrictDocument doc) {
        return calendars(doc).flatMap(c -> c.courses().stream()).flatMap(c -> c.sections().stream());
    }

}
