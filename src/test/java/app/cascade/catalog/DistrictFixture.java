package app.cascade.catalog;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;
import app.cascade.tenancy.TenantContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Inserts district data with plain SQL, for tests. Every call runs in its own transaction bound to the fixture's
 * district ({@link TenantContext}), so it works without a signed-in user and never touches another district.
 *
 * <pre>{@code
 * DistrictFixture d = DistrictFixture.in("alpha", context).wipe();
 * long year = d.year("24-25", LocalDate.of(2024, 8, 1), LocalDate.of(2025, 6, 30));
 * long catalog = d.catalog("High School", CatalogLock.NAME, CatalogLock.TASKS_STANDARDS);
 * long calendar = d.calendar(d.school("HS", "Alpha High", catalog), year, "T1", "T2");
 * MasterFixture math = d.master(catalog, "MATH-1", "Algebra I").with(ItemSpec.task("Q1", "Quarter 1"));
 * d.course(calendar, "MATH-1").linkedTo(math).copyAllFromMaster().section("1", "Ms. Smith").copyAllFromCourse();
 * }</pre>
 */
public final class DistrictFixture {

    private final String tenantId;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;

    private DistrictFixture(String tenantId, PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.tenantId = tenantId;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    /** A truncate chosen as a deadlock's victim (a push of an earlier test still running) is tried again. */
    private static final RetryTemplate WIPE_RETRY = new RetryTemplate(RetryPolicy.builder().maxRetries(8)
            .delay(Duration.ofMillis(200)).multiplier(1.5).includes(PessimisticLockingFailureException.class).build());

    public static DistrictFixture in(String tenantId, ApplicationContext context) {
        return new DistrictFixture(tenantId, context.getBean(PlatformTransactionManager.class),
                context.getBean(JdbcTemplate.class));
    }

    public String tenantId() {
        return tenantId;
    }

    /**
     * Deletes every row of the district, gradebook data included. A push that an earlier test started may still be
     * running (Run Now starts at once): if PostgreSQL picks this truncate as a deadlock's victim, it is tried again.
     */
    public DistrictFixture wipe() {
        WIPE_RETRY.invoke(() -> run(() -> jdbc.execute("truncate posted_grade, assignment_comment, score, assignment,"
                + " section_item, section, course_item, course, master_item, course_master, term, calendar, school,"
                + " catalog_lock, course_catalog, school_year, push_change, push_item_change restart identity cascade")));
        return this;
    }

    public long year(String code, LocalDate start, LocalDate end) {
        return insertId("insert into school_year (code, start_date, end_date) values (?, ?, ?) returning id",
                code, Date.valueOf(start), Date.valueOf(end));
    }

    public long catalog(String name, CatalogLock... locks) {
        return call(() -> {
            long id = jdbc.queryForObject("insert into course_catalog (name) values (?) returning id", Long.class, name);
            Arrays.stream(locks).forEach(l -> jdbc.update(
                    "insert into catalog_lock (catalog_id, lock_name) values (?, ?)", id, l.dbName()));
            return id;
        });
    }

    public long school(String code, String name, Long catalogId) {
        return insertId("insert into school (code, name, catalog_id) values (?, ?, ?) returning id",
                code, name, catalogId);
    }

    /** A calendar of {@code schoolId} for {@code yearId}, with the terms in order. */
    public long calendar(long schoolId, long yearId, String... termCodes) {
        return call(() -> {
            long id = jdbc.queryForObject("insert into calendar (school_id, school_year_id, name)"
                    + " select ?, ?, s.code || ' ' || y.code from school s, school_year y where s.id = ? and y.id = ?"
                    + " returning id", Long.class, schoolId, yearId, schoolId, yearId);
            for (int i = 0; i < termCodes.length; i++) {
                jdbc.update("insert into term (calendar_id, code, seq) values (?, ?, ?)", id, termCodes[i], i + 1);
            }
            return id;
        });
    }

    public MasterFixture master(long catalogId, String number, String name) {
        long id = insertId("insert into course_master (catalog_id, number, name) values (?, ?, ?) returning id",
                catalogId, number, name);
        return new MasterFixture(id, number);
    }

    /** A course without master link and without Course Info beyond its name; see {@link CourseFixture}. */
    public CourseFixture course(long calendarId, String number, String name) {
        long id = insertId("insert into course (calendar_id, number, name) values (?, ?, ?) returning id",
                calendarId, number, name);
        return new CourseFixture(id);
    }

    /** A course named like the master, linked to it, with the master's Course Info. */
    public CourseFixture course(long calendarId, MasterFixture master) {
        long id = insertId("insert into course (calendar_id, number, name, state_code, department, credits,"
                        + " gpa_weight, description, master_id) select ?, number, name, state_code, department,"
                        + " credits, gpa_weight, description, id from course_master where id = ? returning id",
                calendarId, master.id());
        return new CourseFixture(id);
    }

    /**
     * A gradebook assignment in {@code sectionId}, aligned to a section category and a course task (either may be
     * {@code null}), with one score and one comment of student 1001; returns the assignment's id.
     */
    public UUID assignment(long sectionId, UUID categoryItem, UUID taskItem) {
        UUID id = UUID.randomUUID();
        run(() -> {
            jdbc.update("insert into assignment (id, section_id, name, category_item_id, task_item_id)"
                    + " values (?, ?, ?, ?, ?)", id, sectionId, "Assignment " + id.toString().substring(0, 4),
                    categoryItem, taskItem);
            jdbc.update("insert into score (id, assignment_id, student_number, points) values (?, ?, '1001', 9.5)",
                    UUID.randomUUID(), id);
            jdbc.update("insert into assignment_comment (id, assignment_id, student_number, body)"
                    + " values (?, ?, '1001', 'ok')", UUID.randomUUID(), id);
        });
        return id;
    }

    /** A grade 'A' posted in {@code sectionId} for student 1001 on a course task in a term. */
    public void postedGrade(long sectionId, UUID taskItem, String term) {
        postedGrade(sectionId, taskItem, term, "1001");
    }

    /** A grade 'A' posted in {@code sectionId} for {@code student} on a course task in a term. */
    public void postedGrade(long sectionId, UUID taskItem, String term, String student) {
        update("insert into posted_grade (id, section_id, task_item_id, term_code, student_number, grade)"
                + " values (?, ?, ?, ?, ?, 'A')", UUID.randomUUID(), sectionId, taskItem, term, student);
    }

    /** Runs {@code sql} in the district, for what the fluent methods do not cover. */
    public void update(String sql, Object... args) {
        run(() -> jdbc.update(sql, args));
    }

    public <T> T query(String sql, Class<T> type, Object... args) {
        return call(() -> jdbc.queryForObject(sql, type, args));
    }

    private long insertId(String sql, Object... args) {
        return call(() -> jdbc.queryForObject(sql, Long.class, args));
    }

    private void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private <T> T call(Supplier<T> work) {
        return TenantContext.call(tenantId, () -> tx.execute(status -> work.get()));
    }

    private static final String ITEM_COLUMNS = "id, item_type, code, name, task_code, term_code, weight, seq,"
            + " calc_method, rounding, parts";

    private static Object[] itemValues(UUID id, ItemSpec s) {
        return new Object[]{id, s.type().name(), s.code(), s.name(), s.taskCode(), s.termCode(), s.weight(), s.seq(),
                s.calcMethod(), s.rounding(), s.parts()};
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    /** A master and its items; items are found again by type and match key. */
    public final class MasterFixture {

        private final long id;
        private final String number;
        private final Map<String, UUID> items = new LinkedHashMap<>();

        private MasterFixture(long id, String number) {
            this.id = id;
            this.number = number;
        }

        public long id() {
            return id;
        }

        public String number() {
            return number;
        }

        public MasterFixture department(String department) {
            update("update course_master set department = ? where id = ?", department, id);
            return this;
        }

        public MasterFixture info(String stateCode, String credits, String description) {
            update("update course_master set state_code = ?, credits = ?::numeric, description = ? where id = ?",
                    stateCode, credits, description, id);
            return this;
        }

        public MasterFixture with(ItemSpec... specs) {
            for (ItemSpec spec : specs) {
                UUID itemId = UUID.randomUUID();
                update("insert into master_item (master_id, " + ITEM_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?::jsonb)", append(new Object[]{id}, itemValues(itemId, spec)));
                items.put(spec.type() + "|" + spec.matchKey(), itemId);
            }
            return this;
        }

        public UUID itemId(ItemType type, String matchKey) {
            UUID itemId = items.get(type + "|" + matchKey);
            if (itemId == null) {
                throw new IllegalArgumentException("master " + number + " has no " + type + " " + matchKey);
            }
            return itemId;
        }

        List<UUID> itemIds() {
            return List.copyOf(items.values());
        }
    }

    /** A course and its items. */
    public final class CourseFixture {

        private final long id;

        private CourseFixture(long id) {
            this.id = id;
        }

        public long id() {
            return id;
        }

        /** Links the course to {@code master} (its Course Info is left as it is). */
        public CourseFixture linkTo(MasterFixture master) {
            update("update course set master_id = ? where id = ?", master.id(), id);
            return this;
        }

        public CourseFixture ignoreMasterPush() {
            update("update course set ignore_master_push = true where id = ?", id);
            return this;
        }

        /** Copies every item of the course's master, linked to it, with origin MASTER (the state after a push). */
        public CourseFixture copyAllFromMaster() {
            List<UUID> copied = call(() -> jdbc.queryForList("select id from master_item where master_id ="
                    + " (select master_id from course where id = ?)", UUID.class, id));
            copied.forEach(this::copyFromMaster);
            return this;
        }

        /** Copies one master item (of any master: a foreign link if it is not this course's master's). */
        public CourseFixture copyFromMaster(UUID masterItemId) {
            UUID itemId = UUID.randomUUID();
            update("insert into course_item (course_id, " + ITEM_COLUMNS + ", master_item_id, origin) select ?, ?, "
                    + ITEM_COLUMNS.substring(4) + ", id, 'MASTER' from master_item where id = ?", id, itemId,
                    masterItemId);
            return this;
        }

        /** An unlinked item created at the course ({@code Origin.COURSE}) or left from a detach (MASTER). */
        public CourseFixture unlinked(ItemSpec spec, Origin origin) {
            return insert(spec, null, origin, false);
        }

        /** An unlinked residual item: kept only because it has dependents ("course managed"). */
        public CourseFixture residual(ItemSpec spec) {
            return insert(spec, null, Origin.MASTER, true);
        }

        /** An item linked to {@code masterItemId} with values of its own (e.g. a link to a removed item). */
        public CourseFixture linked(ItemSpec spec, UUID masterItemId) {
            return insert(spec, masterItemId, Origin.MASTER, false);
        }

        public SectionFixture section(String number, String teacher) {
            long sectionId = insertId("insert into section (course_id, number, teacher) values (?, ?, ?) returning id",
                    id, number, teacher);
            return new SectionFixture(sectionId, this);
        }

        public UUID itemId(ItemType type, String matchKey) {
            return call(() -> jdbc.queryForObject("select id from course_item where course_id = ? and item_type = ?"
                    + " and match_key = ? order by created_at limit 1", UUID.class, id, type.name(), matchKey));
        }

        private CourseFixture insert(ItemSpec spec, UUID link, Origin origin, boolean residual) {
            UUID itemId = UUID.randomUUID();
            update("insert into course_item (course_id, " + ITEM_COLUMNS + ", master_item_id, origin, residual)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)",
                    append(append(new Object[]{id}, itemValues(itemId, spec)), link, origin.name(), residual));
            return this;
        }
    }

    /** A section and its items. */
    public final class SectionFixture {

        private final long id;
        private final CourseFixture course;

        private SectionFixture(long id, CourseFixture course) {
            this.id = id;
            this.course = course;
        }

        public long id() {
            return id;
        }

        /** Back to the course, to add another section. */
        public CourseFixture course() {
            return course;
        }

        /** Copies every section-level course item (categories, calc options, composites), linked, same origin. */
        public SectionFixture copyAllFromCourse() {
            update("insert into section_item (section_id, " + ITEM_COLUMNS + ", course_item_id, origin)"
                    + " select ?, gen_random_uuid(), " + ITEM_COLUMNS.substring(4) + ", id, origin from course_item"
                    + " where course_id = ? and item_type in ('CATEGORY', 'CALC_OPTION', 'COMPOSITE')"
                    + " and not residual", id, course.id());
            return this;
        }

        /** A teacher's own item. */
        public SectionFixture teacherItem(ItemSpec spec) {
            update("insert into section_item (section_id, " + ITEM_COLUMNS + ", origin) values (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?::jsonb, 'TEACHER')", append(new Object[]{id}, itemValues(UUID.randomUUID(), spec)));
            return this;
        }
    }
}
