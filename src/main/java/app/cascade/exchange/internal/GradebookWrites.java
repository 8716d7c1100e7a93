package app.cascade.exchange.internal;

import app.cascade.exchange.DistrictDocument.Assignment;
import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Comment;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.PostedGrade;
import app.cascade.exchange.DistrictDocument.Score;
import app.cascade.exchange.DistrictDocument.Section;
import app.cascade.exchange.internal.ImportSql.ItemRow;
import app.cascade.exchange.internal.ImportSql.Located;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.cascade.exchange.internal.DistrictImporter.at;
import static app.cascade.exchange.internal.DistrictImporter.invalid;

/**
 * The last writes of one import, the sections' gradebooks: assignments, their scores and comments, and posted grades,
 * each checked against the section's items, its course's items and terms, and the rows already in the district.
 */
final class GradebookWrites {

    private final ImportSql sql;
    private final JdbcTemplate jdbc;

    GradebookWrites(ImportSql sql, JdbcTemplate jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    record GradebookCounts(int assignments, int scores, int comments, int postedGrades) {
    }

    GradebookCounts writeGradebook(List<Located<Section>> sections, List<Located<Course>> courses,
                                           List<Located<Calendar>> calendars) {
        Map<UUID, ItemRow> courseItems = sql.courseItems();
        Map<UUID, ItemRow> sectionItems = sql.itemRows("select id, section_id, item_type from section_item");
        Map<Long, Long> courseOfSection = sql.courseOfSection();
        Map<Long, Set<String>> termsOfCourse = new HashMap<>();
        jdbc.query("select c.id, t.code from course c join term t on t.calendar_id = c.calendar_id", rs -> {
            termsOfCourse.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        Map<Long, String> courseNames = new HashMap<>();
        courses.forEach(c -> courseNames.put(c.parentId(), c.value().number()));

        List<Located<Assignment>> assignments = new ArrayList<>();
        List<Located<Score>> scores = new ArrayList<>();
        List<Located<Comment>> comments = new ArrayList<>();
        List<Located<PostedGrade>> grades = new ArrayList<>();
        for (Located<Section> section : sections) {
            long sectionId = section.parentId();
            long courseId = courseOfSection.get(sectionId);
            String courseName = courseNames.getOrDefault(courseId, "#" + courseId);
            Set<String> terms = termsOfCourse.getOrDefault(courseId, Set.of());
            for (int a = 0; a < section.value().assignments().size(); a++) {
                Assignment assignment = section.value().assignments().get(a);
                String path = at(section.path(), "assignments", a);
                if (assignment.category() != null) {
                    ItemRow category = sectionItems.get(assignment.category());
                    if (category == null || category.parentId() != sectionId
                            || !"CATEGORY".equals(category.type())) {
                        throw invalid(path + ".category", assignment.category()
                                + " is not a CATEGORY item of section " + section.value().number());
                    }
                }
                if (assignment.task() != null) {
                    checkTask(courseItems, assignment.task(), courseId, courseName, path + ".task");
                }
                if (assignment.term() != null && !terms.contains(assignment.term())) {
                    throw invalid(path + ".term", "no term " + assignment.term() + " in the calendar of course "
                            + courseName);
                }
                assignments.add(new Located<>(path, assignment, sectionId));
                for (int k = 0; k < assignment.scores().size(); k++) {
                    scores.add(new Located<>(at(path, "scores", k), assignment.scores().get(k), 0));
                }
                for (int k = 0; k < assignment.comments().size(); k++) {
                    comments.add(new Located<>(at(path, "comments", k), assignment.comments().get(k), 0));
                }
            }
            for (int g = 0; g < section.value().postedGrades().size(); g++) {
                PostedGrade grade = section.value().postedGrades().get(g);
                String path = at(section.path(), "postedGrades", g);
                checkTask(courseItems, grade.task(), courseId, courseName, path + ".task");
                if (!terms.contains(grade.term())) {
                    throw invalid(path + ".term", "no term " + grade.term() + " in the calendar of course "
                            + courseName);
                }
                grades.add(new Located<>(path, grade, sectionId));
            }
        }

        Map<UUID, Long> assignmentOwner = sql.parentsById("select id, section_id from assignment");
        for (Located<Assignment> a : assignments) {
            Long owner = assignmentOwner.get(a.value().id());
            if (owner != null && owner != a.parentId()) {
                throw invalid(a.path() + ".id", "assignment " + a.value().id() + " belongs to another section");
            }
        }
        sql.batch("$.schools", """
                insert into assignment (id, section_id, name, due_date, points, term_code, category_item_id,
                                        task_item_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, due_date = excluded.due_date,
                    points = excluded.points, term_code = excluded.term_code,
                    category_item_id = excluded.category_item_id, task_item_id = excluded.task_item_id
                where (assignment.name, assignment.due_date, assignment.points, assignment.term_code,
                       assignment.category_item_id, assignment.task_item_id)
                      is distinct from (excluded.name, excluded.due_date, excluded.points, excluded.term_code,
                       excluded.category_item_id, excluded.task_item_id)
                """, new int[]{Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.NUMERIC, Types.VARCHAR,
                Types.OTHER, Types.OTHER}, assignments.stream().map(l -> {
            Assignment a = l.value();
            return new Object[]{a.id(), l.parentId(), a.name(), a.dueDate(), a.points(), a.term(), a.category(),
                    a.task()};
        }).toList());

        // scores: each stays on its assignment; one score per (assignment, student) once applied
        List<Object[]> scoreRows = new ArrayList<>();
        Map<UUID, UUID> scoreOwner = new HashMap<>();
        Map<UUID, String> scoreKey = new HashMap<>();
        jdbc.query("select id, assignment_id, student_number from score", rs -> {
            UUID id = rs.getObject(1, UUID.class);
            scoreOwner.put(id, rs.getObject(2, UUID.class));
            scoreKey.put(id, rs.getObject(2, UUID.class) + "|" + rs.getString(3));
        });
        Map<UUID, UUID> assignmentOfScore = new HashMap<>();
        Map<UUID, UUID> assignmentOfComment = new HashMap<>();
        for (Located<Assignment> a : assignments) {
            a.value().scores().forEach(s -> assignmentOfScore.put(s.id(), a.value().id()));
            a.value().comments().forEach(c -> assignmentOfComment.put(c.id(), a.value().id()));
        }
        for (Located<Score> s : scores) {
            UUID assignmentId = assignmentOfScore.get(s.value().id());
            UUID owner = scoreOwner.get(s.value().id());
            if (owner != null && !owner.equals(assignmentId)) {
                throw invalid(s.path() + ".id", "score " + s.value().id() + " belongs to another assignment");
            }
            scoreKey.put(s.value().id(), assignmentId + "|" + s.value().student());
            scoreRows.add(new Object[]{s.value().id(), assignmentId, s.value().student(), s.value().points()});
        }
        checkUniqueKeys(scores, scoreKey, ".student", "a score of this student on this assignment");
        sql.batch("$.schools", """
                insert into score (id, assignment_id, student_number, points) values (?, ?, ?, ?)
                on conflict (id) do update set student_number = excluded.student_number, points = excluded.points
                where (score.student_number, score.points)
                      is distinct from (excluded.student_number, excluded.points)
                """, new int[]{Types.OTHER, Types.OTHER, Types.VARCHAR, Types.NUMERIC}, scoreRows);

        Map<UUID, UUID> commentOwner = new HashMap<>();
        jdbc.query("select id, assignment_id from assignment_comment", rs -> {
            commentOwner.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        List<Object[]> commentRows = new ArrayList<>();
        for (Located<Comment> c : comments) {
            UUID assignmentId = assignmentOfComment.get(c.value().id());
            UUID owner = commentOwner.get(c.value().id());
            if (owner != null && !owner.equals(assignmentId)) {
                throw invalid(c.path() + ".id", "comment " + c.value().id() + " belongs to another assignment");
            }
            commentRows.add(new Object[]{c.value().id(), assignmentId, c.value().student(), c.value().body()});
        }
        sql.batch("$.schools", """
                insert into assignment_comment (id, assignment_id, student_number, body) values (?, ?, ?, ?)
                on conflict (id) do update set student_number = excluded.student_number, body = excluded.body
                where (assignment_comment.student_number, assignment_comment.body)
                      is distinct from (excluded.student_number, excluded.body)
                """, new int[]{Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR}, commentRows);

        Map<UUID, Long> gradeOwner = new HashMap<>();
        Map<UUID, String> gradeKey = new HashMap<>();
        jdbc.query("select id, section_id, task_item_id, term_code, student_number from posted_grade", rs -> {
            UUID id = rs.getObject(1, UUID.class);
            gradeOwner.put(id, rs.getLong(2));
            gradeKey.put(id, rs.getLong(2) + "|" + rs.getObject(3, UUID.class) + "|" + rs.getString(4) + "|"
                    + rs.getString(5));
        });
        List<Object[]> gradeRows = new ArrayList<>();
        for (Located<PostedGrade> g : grades) {
            PostedGrade grade = g.value();
            Long owner = gradeOwner.get(grade.id());
            if (owner != null && owner != g.parentId()) {
                throw invalid(g.path() + ".id", "posted grade " + grade.id() + " belongs to another section");
            }
            gradeKey.put(grade.id(), g.parentId() + "|" + grade.task() + "|" + grade.term() + "|"
                    + grade.student());
            gradeRows.add(new Object[]{grade.id(), g.parentId(), grade.task(), grade.term(), grade.student(),
                    grade.grade()});
        }
        checkUniqueKeys(grades, gradeKey, "", "a posted grade of this student for this task and term");
        sql.batch("$.schools", """
                insert into posted_grade (id, section_id, task_item_id, term_code, student_number, grade)
                values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set task_item_id = excluded.task_item_id,
                    term_code = excluded.term_code, student_number = excluded.student_number,
                    grade = excluded.grade
                where (posted_grade.task_item_id, posted_grade.term_code, posted_grade.student_number,
                       posted_grade.grade)
                      is distinct from (excluded.task_item_id, excluded.term_code, excluded.student_number,
                       excluded.grade)
                """, new int[]{Types.OTHER, Types.BIGINT, Types.OTHER, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR}, gradeRows);
        return new GradebookCounts(assignments.size(), scores.size(), comments.size(), grades.size());
    }

    private void checkTask(Map<UUID, ItemRow> courseItems, UUID task, long courseId, String courseName,
                           String path) {
        ItemRow row = courseItems.get(task);
        if (row == null || row.parentId() != courseId
                || !("TASK".equals(row.type()) || "STANDARD".equals(row.type()))) {
            throw invalid(path, task + " is not a TASK or STANDARD item of course " + courseName);
        }
    }

    private <T> void checkUniqueKeys(List<Located<T>> rows, Map<UUID, String> keys, String field, String what) {
        Map<String, List<UUID>> byKey = new HashMap<>();
        keys.forEach((id, k) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(id));
        for (Located<T> row : rows) {
            UUID id = idOf(row.value());
            List<UUID> holders = byKey.get(keys.get(id));
            if (holders.size() > 1) {
                UUID other = holders.stream().filter(h -> !h.equals(id)).findFirst().orElseThrow();
                throw invalid(row.path() + field, "the district already has " + what + " (id " + other + ")");
            }
        }
    }

    private static UUID idOf(Object row) {
        return switch (row) {
            case Score s -> s.id();
            case PostedGrade g -> g.id();
            default -> throw new IllegalArgumentException(String.valueOf(row));
        };
    }
}
