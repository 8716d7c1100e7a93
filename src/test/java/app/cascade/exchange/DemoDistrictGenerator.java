package app.cascade.exchange;

import app.cascade.exchange.DistrictDocument.Assignment;
import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Catalog;
import app.cascade.exchange.DistrictDocument.Comment;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.Master;
import app.cascade.exchange.DistrictDocument.MasterRef;
import app.cascade.exchange.DistrictDocument.Part;
import app.cascade.exchange.DistrictDocument.PostedGrade;
import app.cascade.exchange.DistrictDocument.School;
import app.cascade.exchange.DistrictDocument.SchoolYear;
import app.cascade.exchange.DistrictDocument.Score;
import app.cascade.exchange.DistrictDocument.Section;
import app.cascade.exchange.DistrictDocument.Term;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates the demo districts {@code tenants/lakeside.json} and {@code tenants/cedar-valley.json} in the exchange
 * format, deterministically (seeded {@link Random}): run {@link #main} from the project root to regenerate them;
 * {@code DemoDistrictsTest} fails when the committed files differ from what this produces.
 *
 * <p>Besides ordinary data, each district holds something for every rule of push-rules.md to act on: locked and
 * unlocked types, teacher categories with and without assignments, course-created items, an Ignore Master Push course,
 * courses without a master, a desynced course (foreign link, double link), a detached item with a master key, a
 * residual task with dependents and forced section calc options, a link to a removed master item, master calc options
 * whose term some calendar lacks, assignments with scores and comments, and posted grades.
 */
public final class DemoDistrictGenerator {

    public static final String CATALOG = "High School Catalog";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    /** What differs between the two demo districts. */
    record Profile(String id, String displayName, long seed, String prefix, String highSchool, String middleSchool,
                   String academy, List<String> locks) {
    }

    static final Profile LAKESIDE = new Profile("lakeside", "Lakeside Unified School District", 20261128L, "L",
            "Lakeside High School", "Lakeside Middle School", "North Shore Academy",
            List.of("name", "stateCode", "credits", "TASKS_STANDARDS", "CATEGORIES", "CALC_OPTIONS", "COMPOSITES"));
    static final Profile CEDAR_VALLEY = new Profile("cedar-valley", "Cedar Valley Public Schools", 19840611L, "C",
            "Cedar Valley High School", "Cedar Valley Middle School", null,
            List.of("name", "department", "gpaWeight", "TASKS_STANDARDS", "ASSESSMENTS", "CALC_OPTIONS"));

    /** number, name, department, state code, credits, gpa weight. */
    private static final String[][] MASTERS = {
            {"ENG101", "English 9", "English", "01001", "1", "4"},
            {"ENG201", "English 10", "English", "01002", "1", "4"},
            {"ENG301", "English 11: American Literature", "English", "01003", "1", "4"},
            {"ENG401", "English 12: British Literature", "English", "01004", "1", "4"},
            {"ENG350", "AP English Language and Composition", "English", "01005", "1", "5"},
            {"ENG450", "AP English Literature and Composition", "English", "01006", "1", "5"},
            {"ENG220", "Creative Writing", "English", "01104", "0.5", "4"},
            {"ENG230", "Journalism", "English", "01151", "0.5", "4"},
            {"MTH110", "Algebra I", "Mathematics", "02052", "1", "4"},
            {"MTH210", "Geometry", "Mathematics", "02072", "1", "4"},
            {"MTH310", "Algebra II", "Mathematics", "02056", "1", "4"},
            {"MTH410", "Precalculus", "Mathematics", "02110", "1", "4"},
            {"MTH450", "AP Calculus AB", "Mathematics", "02124", "1", "5"},
            {"MTH460", "AP Statistics", "Mathematics", "02203", "1", "5"},
            {"MTH320", "Financial Algebra", "Mathematics", "02069", "1", "4"},
            {"SCI110", "Biology", "Science", "03051", "1", "4"},
            {"SCI210", "Chemistry", "Science", "03101", "1", "4"},
            {"SCI310", "Physics", "Science", "03151", "1", "4"},
            {"SCI350", "AP Biology", "Science", "03056", "1", "5"},
            {"SCI360", "AP Chemistry", "Science", "03106", "1", "5"},
            {"SCI220", "Environmental Science", "Science", "03003", "1", "4"},
            {"SCI230", "Anatomy and Physiology", "Science", "03053", "1", "4"},
            {"SOC110", "World History", "Social Studies", "04051", "1", "4"},
            {"SOC210", "United States History", "Social Studies", "04101", "1", "4"},
            {"SOC310", "United States Government", "Social Studies", "04151", "0.5", "4"},
            {"SOC320", "Economics", "Social Studies", "04201", "0.5", "4"},
            {"SOC350", "AP United States History", "Social Studies", "04104", "1", "5"},
            {"SOC360", "AP Psychology", "Social Studies", "04256", "1", "5"},
            {"WLG110", "Spanish I", "World Languages", "06101", "1", "4"},
            {"WLG210", "Spanish II", "World Languages", "06102", "1", "4"},
            {"WLG310", "Spanish III", "World Languages", "06103", "1", "4"},
            {"WLG120", "French I", "World Languages", "06111", "1", "4"},
            {"WLG220", "French II", "World Languages", "06112", "1", "4"},
            {"ART110", "Art Foundations", "Fine Arts", "05154", "0.5", "4"},
            {"ART210", "Ceramics", "Fine Arts", "05162", "0.5", "4"},
            {"MUS110", "Concert Band", "Fine Arts", "05101", "1", "4"},
            {"MUS120", "Concert Choir", "Fine Arts", "05110", "1", "4"},
            {"PED110", "Physical Education", "Health and PE", "08001", "0.5", "4"},
            {"HLT110", "Health", "Health and PE", "08051", "0.5", "4"},
            {"CTE110", "Introduction to Computer Science", "Career and Technical", "10011", "1", "4"},
            {"CTE210", "AP Computer Science A", "Career and Technical", "10019", "1", "5"},
            {"CTE120", "Principles of Business", "Career and Technical", "12051", "0.5", "4"},
    };

    private static final String[][] STANDARDS = {
            {"English", "RL", "Reading: Literature"}, {"English", "W", "Writing Arguments"},
            {"English", "SL", "Speaking and Listening"},
            {"Mathematics", "MP", "Mathematical Practices"}, {"Mathematics", "PS", "Problem Solving"},
            {"Mathematics", "MC", "Modeling and Communication"},
            {"Science", "SEP", "Science and Engineering Practices"}, {"Science", "CCC", "Crosscutting Concepts"},
            {"Science", "DCI", "Disciplinary Core Ideas"},
            {"Social Studies", "HT", "Historical Thinking"}, {"Social Studies", "CV", "Civic Reasoning"},
            {"World Languages", "IC", "Interpersonal Communication"}, {"World Languages", "PR", "Presentational"},
            {"Fine Arts", "CR", "Creating"}, {"Fine Arts", "PE", "Performing and Presenting"},
            {"Health and PE", "MS", "Motor Skills"}, {"Health and PE", "HB", "Healthy Behaviors"},
            {"Career and Technical", "CT", "Computational Thinking"}, {"Career and Technical", "PR", "Professional "
            + "Readiness"},
    };

    private static final String[] FIRST = {"Maria", "James", "Aisha", "Robert", "Mei", "David", "Sofia", "Michael",
            "Fatima", "William", "Grace", "Daniel", "Olivia", "Carlos", "Hannah", "Andre", "Elena", "Thomas", "Priya",
            "Samuel", "Laura", "Kwame", "Julia", "Patrick", "Nadia", "Brian", "Rachel", "Luis", "Emily", "Marcus"};
    private static final String[] LAST = {"Hernandez", "Johnson", "Okafor", "Nguyen", "Schmidt", "Patel", "Garcia",
            "Anderson", "Kowalski", "Thompson", "Martinez", "O'Brien", "Yamamoto", "Robinson", "Fischer", "Lindqvist",
            "Adeyemi", "Castillo", "Bennett", "Moreau", "Sullivan", "Chen", "Ramirez", "Walsh", "Haddad", "Novak"};
    private static final String[] COMMENTS = {"Great improvement since the last unit.", "Please see me about a retake.",
            "Missing work: turned in late.", "Excellent analysis; cite your sources next time.",
            "Shows strong understanding of the concepts.", "Needs to show all steps of the work.",
            "Outstanding effort and participation.", "Incomplete: please resubmit by Friday.",
            "Good work, but check the rubric for formatting.", "Absent on test day; make-up scheduled."};
    private static final String[] WORK = {"Chapter Review", "Unit Quiz", "Lab Report", "Essay Draft",
            "Problem Set", "Vocabulary Check", "Reading Response", "Unit Test", "Project Checkpoint", "Warm-up Packet"};

    private final Profile profile;
    private final Random random;
    private int studentCounter;

    private DemoDistrictGenerator(Profile profile) {
        this.profile = profile;
        this.random = new Random(profile.seed());
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "tenants");
        for (Profile profile : List.of(LAKESIDE, CEDAR_VALLEY)) {
            Path file = dir.resolve(profile.id() + ".json");
            Files.write(file, json(profile));
            System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
        }
    }

    static byte[] json(Profile profile) {
        // one-space indentation keeps the files readable in diffs and under 3 MB
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter(" ", "\n"));
        JsonMapper mapper = JsonMapper.builder().build();
        byte[] json = mapper.writer().with(printer).writeValueAsBytes(generate(profile));
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    public static DistrictDocument generate(Profile profile) {
        return new DemoDistrictGenerator(profile).district();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private DistrictDocument district() {
        List<SchoolYear> years = List.of(
                new SchoolYear("26-27", LocalDate.of(2026, 8, 17), LocalDate.of(2027, 6, 4)),
                new SchoolYear("27-28", LocalDate.of(2027, 8, 16), LocalDate.of(2028, 6, 2)));
        List<Master> masters = new ArrayList<>();
        for (String[] m : MASTERS) {
            masters.add(master(m));
        }
        Catalog catalog = new Catalog(CATALOG, profile.locks(), masters);
        List<School> schools = new ArrayList<>();
        String hsCode = profile.prefix() + "HS";
        schools.add(new School(hsCode, profile.highSchool(), CATALOG, List.of(
                highSchoolCalendar(masters, "26-27", true), highSchoolCalendar(masters, "27-28", false))));
        schools.add(new School(profile.prefix() + "MS", profile.middleSchool(), null, List.of(
                middleSchoolCalendar("26-27", true), middleSchoolCalendar("27-28", false))));
        if (profile.academy() != null) {
            schools.add(new School(profile.prefix() + "NA", profile.academy(), CATALOG,
                    List.of(academyCalendar(masters))));
        }
        // the district field stays out: demo files import into any district (tests rename them to alpha / beta)
        return new DistrictDocument(DistrictDocument.FORMAT, null, years, List.of(catalog), schools);
    }

    private Master master(String[] m) {
        String number = m[0];
        String department = m[2];
        List<Item> items = new ArrayList<>();
        items.add(item("TASK", "QTR", "Quarter Grade", null, null, null, 1, null, null, null));
        items.add(item("TASK", "SEM", "Semester Grade", null, null, null, 2, null, null, null));
        int seq = 3;
        for (String[] s : STANDARDS) {
            if (s[0].equals(department)) {
                items.add(item("STANDARD", number + "." + s[1], s[2], null, null, null, seq++, null, null, null));
            }
        }
        boolean science = department.equals("Science");
        items.add(item("CATEGORY", null, "Homework", null, null, dec("20"), 1, null, null, null));
        items.add(item("CATEGORY", null, "Quizzes", null, null, dec("25"), 2, null, null, null));
        items.add(item("CATEGORY", null, "Tests", null, null, dec("40"), 3, null, null, null));
        items.add(item("CATEGORY", null, science ? "Labs" : "Projects", null, null, dec("15"), 4, null, null, null));
        items.add(item("ASSESSMENT", number + "-MID", "Midterm Exam", null, null, dec("10"), 1, null, null, null));
        items.add(item("ASSESSMENT", number + "-FIN", "Final Exam", null, null, dec("15"), 2, null, null, null));
        int t = 1;
        for (String term : List.of("Q1", "Q2", "Q3", "Q4")) {
            items.add(item("CALC_OPTION", null, "Quarter grade " + term, "QTR", term, null, t++,
                    "CATEGORY_WEIGHTED", 1, null));
        }
        items.add(item("CALC_OPTION", null, "Semester grade S1", "SEM", "S1", null, t++, "COMPOSITE", 0, null));
        items.add(item("CALC_OPTION", null, "Semester grade S2", "SEM", "S2", null, t++, "COMPOSITE", 0, null));
        if (number.equals("HLT110")) {
            // a summer-session option: no calendar of the district has the term SUM (TERM_NOT_IN_CALENDAR)
            items.add(item("CALC_OPTION", null, "Summer session grade", "SEM", "SUM", null, t, "POINTS", 0, null));
        }
        // parts in percent adding up to 100, never the composite itself (decision 0004)
        items.add(item("COMPOSITE", null, "Semester 1 Composite", "SEM", "S1", null, 1, null, null,
                List.of(new Part("QTR", "Q1", dec("50")), new Part("QTR", "Q2", dec("50")))));
        items.add(item("COMPOSITE", null, "Semester 2 Composite", "SEM", "S2", null, 2, null, null,
                List.of(new Part("QTR", "Q3", dec("50")), new Part("QTR", "Q4", dec("50")))));
        return new Master(number, m[1], m[3], department, dec(m[4]), dec(m[5]),
                m[1] + ": " + department.toLowerCase() + " course, grades 9-12.", items);
    }

    private List<Term> highSchoolTerms(String year) {
        int y = year.equals("26-27") ? 2026 : 2027;
        return List.of(
                new Term("Q1", 1, LocalDate.of(y, 8, 17), LocalDate.of(y, 10, 16)),
                new Term("Q2", 2, LocalDate.of(y, 10, 19), LocalDate.of(y, 12, 18)),
                new Term("S1", 3, LocalDate.of(y, 8, 17), LocalDate.of(y, 12, 18)),
                new Term("Q3", 4, LocalDate.of(y + 1, 1, 5), LocalDate.of(y + 1, 3, 12)),
                new Term("Q4", 5, LocalDate.of(y + 1, 3, 15), LocalDate.of(y + 1, 6, 4)),
                new Term("S2", 6, LocalDate.of(y + 1, 1, 5), LocalDate.of(y + 1, 6, 4)));
    }

    private Calendar highSchoolCalendar(List<Master> masters, String year, boolean current) {
        List<Course> courses = new ArrayList<>();
        for (int i = 0; i < masters.size(); i++) {
            Master master = masters.get(i);
            List<Item> items = new ArrayList<>();
            for (Item m : master.items()) {
                items.add(copy(m, m.id(), "MASTER"));
            }
            String name = master.name();
            boolean ignore = false;
            if (current) {
                switch (master.number()) {
                    case "ART210" -> { // managed by the school: Ignore Master Push, its own name
                        ignore = true;
                        name = "Ceramics and Sculpture";
                    }
                    case "SCI210" -> { // desynced: its quarter task links to Biology's (a foreign link)
                        UUID biologyQtr = masters.stream().filter(x -> x.number().equals("SCI110")).findFirst()
                                .orElseThrow().items().getFirst().id();
                        items.set(0, relink(items.getFirst(), biologyQtr));
                    }
                    case "MTH410" -> { // desynced: two categories link to the same master category
                        Item tests = items.stream().filter(x -> x.name().equals("Tests")).findFirst().orElseThrow();
                        items.add(item("CATEGORY", null, "Unit Tests", null, null, dec("10"), 5, null, null, null,
                                tests.link(), "MASTER"));
                    }
                    case "MTH310" -> { // detached: a standard without link that still has the master's key
                        int k = indexOf(items, "STANDARD");
                        items.set(k, relink(items.get(k), null));
                    }
                    case "SOC210" -> // residual: a task removed from the master, kept because it has grades
                            items.add(new Item(uuid(), "TASK", "PRJ", "Research Project", null, null, null, 3, null,
                                    null, null, null, "MASTER", true, null));
                    case "ENG201" -> // removed from the master: linked to a master item that no longer exists
                            items.add(item("ASSESSMENT", "ENG201-PRT", "Poetry Portfolio", null, null, dec("5"), 3,
                                    null, null, null, uuid(), "MASTER"));
                    case "SCI110", "SCI310" -> { // course-created items
                        items.add(item("TASK", "LAB", "Lab Notebook", null, null, null, 9, null, null, null, null,
                                "COURSE"));
                        items.add(item("CATEGORY", null, "Lab Safety", null, null, dec("5"), 6, null, null, null,
                                null, "COURSE"));
                    }
                    case "MTH110", "MTH210" -> items.add(item("CATEGORY", null, "Warm-ups", null, null, dec("5"),
                            6, null, null, null, null, "COURSE"));
                    default -> {
                    }
                }
            }
            courses.add(course(master.number(), name, master, new MasterRef(CATALOG, master.number()), ignore, items,
                    QUARTERS, current, i));
        }
        // a course with no master link, created by the school
        List<Item> studyHall = new ArrayList<>();
        studyHall.add(item("TASK", "PART", "Participation", null, null, null, 1, null, null, null, null, "COURSE"));
        studyHall.add(item("CATEGORY", null, "Daily Work", null, null, dec("100"), 1, null, null, null, null,
                "COURSE"));
        studyHall.add(item("CALC_OPTION", null, "Participation S1", "PART", "S1", null, 1, "POINTS", 0, null, null,
                "COURSE"));
        Master pseudo = new Master("STH100", "Study Hall", null, "Student Services", dec("0"), dec("0"),
                "Supervised study period.", List.of());
        courses.add(course("STH100", "Study Hall", pseudo, null, false, studyHall, SEMESTER, current,
                MASTERS.length));
        return new Calendar(year, profile.highSchool() + " " + year, highSchoolTerms(year), courses);
    }

    private Calendar academyCalendar(List<Master> masters) {
        // semesters only: the masters' quarter calc options name terms this calendar lacks (TERM_NOT_IN_CALENDAR)
        List<Term> terms = List.of(
                new Term("S1", 1, LocalDate.of(2026, 8, 17), LocalDate.of(2026, 12, 18)),
                new Term("S2", 2, LocalDate.of(2027, 1, 5), LocalDate.of(2027, 6, 4)));
        List<Course> courses = new ArrayList<>();
        for (String number : List.of("ENG101", "ENG201", "MTH110", "MTH210", "SCI110", "SOC110", "HLT110",
                "ART110")) {
            Master master = masters.stream().filter(m -> m.number().equals(number)).findFirst().orElseThrow();
            List<Item> items = new ArrayList<>();
            for (Item m : master.items()) {
                boolean quarterly = m.termCode() != null && m.termCode().startsWith("Q")
                        || "SUM".equals(m.termCode());
                if (!quarterly) {
                    items.add(copy(m, m.id(), "MASTER"));
                }
            }
            courses.add(course(number, master.name(), master, new MasterRef(CATALOG, number), false, items,
                    SEMESTER, true, courses.size()));
        }
        return new Calendar("26-27", profile.academy() + " 26-27", terms, courses);
    }

    private Calendar middleSchoolCalendar(String year, boolean current) {
        int y = year.equals("26-27") ? 2026 : 2027;
        List<Term> terms = List.of(
                new Term("T1", 1, LocalDate.of(y, 8, 17), LocalDate.of(y, 11, 13)),
                new Term("T2", 2, LocalDate.of(y, 11, 16), LocalDate.of(y + 1, 3, 5)),
                new Term("T3", 3, LocalDate.of(y + 1, 3, 8), LocalDate.of(y + 1, 6, 4)));
        String[][] list = {{"MS-MTH6", "Math 6", "Mathematics"}, {"MS-MTH7", "Math 7", "Mathematics"},
                {"MS-MTH8", "Math 8", "Mathematics"}, {"MS-ELA6", "English Language Arts 6", "English"},
                {"MS-ELA7", "English Language Arts 7", "English"}, {"MS-SCI7", "Life Science 7", "Science"},
                {"MS-SOC8", "US History 8", "Social Studies"}, {"MS-ART7", "Art 7", "Fine Arts"}};
        List<Course> courses = new ArrayList<>();
        for (String[] c : list) {
            List<Item> items = new ArrayList<>();
            items.add(item("TASK", "TRI", "Trimester Grade", null, null, null, 1, null, null, null, null, "COURSE"));
            items.add(item("CATEGORY", null, "Classwork", null, null, dec("40"), 1, null, null, null, null,
                    "COURSE"));
            items.add(item("CATEGORY", null, "Homework", null, null, dec("20"), 2, null, null, null, null, "COURSE"));
            items.add(item("CATEGORY", null, "Assessments", null, null, dec("40"), 3, null, null, null, null,
                    "COURSE"));
            for (Term t : terms) {
                items.add(item("CALC_OPTION", null, "Trimester grade " + t.code(), "TRI", t.code(), null, t.seq(),
                        "CATEGORY_WEIGHTED", 1, null, null, "COURSE"));
            }
            Master pseudo = new Master(c[0], c[1], null, c[2], dec("1"), dec("4"), null, List.of());
            courses.add(course(c[0], c[1], pseudo, null, false, items, TRIMESTERS, current, courses.size()));
        }
        return new Calendar(year, profile.middleSchool() + " " + year, terms, courses);
    }

    /** Which terms a course's assignments fall in, and the term whose grades are posted (null: none yet). */
    private record Terms(String first, String second, String posted) {
    }

    private static final Terms QUARTERS = new Terms("Q1", "Q2", "Q1");
    private static final Terms SEMESTER = new Terms("S1", "S1", null);
    private static final Terms TRIMESTERS = new Terms("T1", "T2", "T1");

    private Course course(String number, String name, Master master, MasterRef ref, boolean ignore, List<Item> items,
                          Terms terms, boolean withGrades, int index) {
        int sectionCount = withGrades ? 2 + (index % 2) : 2;
        List<Section> sections = new ArrayList<>();
        for (int s = 1; s <= sectionCount; s++) {
            sections.add(section(String.valueOf(s), items, terms, withGrades, index, s));
        }
        return new Course(number, name, master.stateCode(), master.department(), master.credits(),
                master.gpaWeight(), master.description(), ref, ignore ? Boolean.TRUE : null, items, sections);
    }

    private Section section(String number, List<Item> courseItems, Terms terms, boolean withGrades,
                            int courseIndex, int sectionIndex) {
        String teacher = LAST[random.nextInt(LAST.length)] + ", " + FIRST[random.nextInt(FIRST.length)];
        List<Item> items = new ArrayList<>();
        for (Item c : courseItems) {
            if (Set.of("CATEGORY", "CALC_OPTION", "COMPOSITE").contains(c.type()) && !c.residualFlag()) {
                items.add(new Item(uuid(), c.type(), c.code(), c.name(), c.taskCode(), c.termCode(), c.weight(),
                        c.seq(), c.calcMethod(), c.rounding(), c.parts(), c.id(), c.origin(), null, null));
            }
        }
        Item residualTask = courseItems.stream().filter(Item::residualFlag).findFirst().orElse(null);
        if (residualTask != null) {
            // a residual task's section calc options are forced to NO_CALCULATION (push-rules §4)
            items.add(new Item(uuid(), "CALC_OPTION", null, "Research project Q2", residualTask.code(), "Q2", null,
                    20, "NO_CALCULATION", 0, null, null, "MASTER", null, true));
        }
        Item teacherCategory = null;
        if (withGrades && courseIndex % 7 == 0 && sectionIndex == 1) {
            teacherCategory = item("CATEGORY", null, "Participation", null, null, dec("10"), 9, null, null, null,
                    null, "TEACHER");
            items.add(teacherCategory);
        }
        if (courseIndex % 7 == 3 && sectionIndex == 2) {
            items.add(item("CATEGORY", null, "Extra Credit", null, null, dec("0"), 10, null, null, null, null,
                    "TEACHER")); // a teacher category without assignments
        }
        List<Assignment> assignments = new ArrayList<>();
        List<PostedGrade> grades = new ArrayList<>();
        if (withGrades) {
            List<Item> categories = items.stream().filter(i -> i.type().equals("CATEGORY")
                    && !"TEACHER".equals(i.origin())).toList();
            List<Item> tasks = courseItems.stream().filter(i -> i.type().equals("TASK")
                    || i.type().equals("STANDARD")).toList();
            List<String> students = new ArrayList<>();
            int size = 7 + random.nextInt(4);
            for (int k = 0; k < size; k++) {
                students.add(profile.prefix() + (100000 + (studentCounter++ * 7919) % 900000));
            }
            int count = 4;
            for (int a = 0; a < count; a++) {
                String term = a < 2 ? terms.first() : terms.second();
                LocalDate due = LocalDate.of(2026, 9, 4).plusDays(a * 19L + random.nextInt(5));
                Item category = categories.isEmpty() ? null : categories.get(random.nextInt(categories.size()));
                Item task = tasks.get(a % tasks.size());
                assignments.add(assignment(WORK[random.nextInt(WORK.length)] + " " + (a + 1), due, term, category,
                        task, students));
            }
            if (teacherCategory != null) {
                assignments.add(assignment("Class Discussion", LocalDate.of(2026, 10, 2), terms.first(),
                        teacherCategory, null, students));
            }
            if (residualTask != null) {
                assignments.add(assignment("Research Project Proposal", LocalDate.of(2026, 9, 25), "Q1", null,
                        residualTask, students));
            }
            if (terms.posted() != null) {
                for (String student : students) {
                    grades.add(new PostedGrade(uuid(), tasks.getFirst().id(), terms.posted(), student, letter()));
                    if (residualTask != null) {
                        grades.add(new PostedGrade(uuid(), residualTask.id(), terms.posted(), student, letter()));
                    }
                }
            }
        }
        return new Section(number, teacher, items, assignments, grades);
    }

    private Assignment assignment(String name, LocalDate due, String term, Item category, Item task,
                                  List<String> students) {
        int points = List.of(10, 20, 25, 50, 100).get(random.nextInt(5));
        List<Score> scores = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        boolean graded = due.isBefore(TODAY);
        for (String student : students) {
            if (graded) {
                double ratio = 0.55 + random.nextDouble() * 0.45;
                scores.add(new Score(uuid(), student,
                        BigDecimal.valueOf(points * ratio).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()));
                if (random.nextInt(6) == 0) {
                    comments.add(new Comment(uuid(), student, COMMENTS[random.nextInt(COMMENTS.length)]));
                }
            }
        }
        return new Assignment(uuid(), name, due, BigDecimal.valueOf(points), term,
                category == null ? null : category.id(), task == null ? null : task.id(), scores, comments);
    }

    private String letter() {
        String[] grades = {"A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D", "F"};
        int i = Math.min(grades.length - 1, Math.abs((int) (random.nextGaussian() * 2.2) + 2));
        return grades[i];
    }

    // ---- items ----------------------------------------------------------------------------------------------------

    private Item item(String type, String code, String name, String taskCode, String termCode, BigDecimal weight,
                      int seq, String calcMethod, Integer rounding, List<Part> parts) {
        return new Item(uuid(), type, code, name, taskCode, termCode, weight, seq, calcMethod, rounding, parts, null,
                null, null, null);
    }

    private Item item(String type, String code, String name, String taskCode, String termCode, BigDecimal weight,
                      int seq, String calcMethod, Integer rounding, List<Part> parts, UUID link, String origin) {
        return new Item(uuid(), type, code, name, taskCode, termCode, weight, seq, calcMethod, rounding, parts, link,
                origin, null, null);
    }

    private Item copy(Item m, UUID link, String origin) {
        return new Item(uuid(), m.type(), m.code(), m.name(), m.taskCode(), m.termCode(), m.weight(), m.seq(),
                m.calcMethod(), m.rounding(), m.parts(), link, origin, null, null);
    }

    private static Item relink(Item i, UUID link) {
        return new Item(i.id(), i.type(), i.code(), i.name(), i.taskCode(), i.termCode(), i.weight(), i.seq(),
                i.calcMethod(), i.rounding(), i.parts(), link, i.origin(), i.residual(), i.forcedNoCalc());
    }

    private static int indexOf(List<Item> items, String type) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).type().equals(type)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + type);
    }

    private UUID uuid() {
        long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
