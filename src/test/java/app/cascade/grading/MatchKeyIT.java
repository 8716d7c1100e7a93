package app.cascade.grading;

import app.cascade.CascadeIntegrationTest;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The match-key rule is written once in Java ({@link MatchKey}) and once as the generated {@code match_key} column of
 * the three item tables (V1). This evaluates each table's own generation expression, as PostgreSQL stores it, on
 * many values and compares every result with the Java rule's: case, spaces PostgreSQL's {@code btrim} does and does
 * not trim, letters beyond ASCII, empty texts and nulls.
 */
@CascadeIntegrationTest
class MatchKeyIT {

    private static final String[] TEXTS = {"Q1", "q1", "Labs", "LABS", " Labs ", "  labs", "Labs  ", "La bs",
            "\tLabs\t", "\u00a0Labs\u00a0", "Labs\n", "", " ", "   ", "Éclairs", "ÉCLAIRS", "Ärger", "STRASSE", "Straße",
            "ΣΟΦΟΣ", "Σ", "İstanbul", "ISTANBUL", "ǅemal", "Ⅻ", "Ｌａｂｓ", "naïve", "nai\u0308ve", "日本語", "🙂 Labs",
            "ß", "ﬁre", "K", "Ω", "Å", "Ĳ", "Tests & Quizzes", "a|b", "|", "null"};

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void the_java_rule_equals_each_item_tables_generated_match_key_on_every_value() {
        List<Object[]> rows = values();
        for (String table : List.of("master_item", "course_item", "section_item")) {
            String expression = generationExpression(table);
            List<String> database = inAlpha(() -> evaluate(expression, rows));
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                String java = MatchKey.of(ItemType.valueOf((String) row[0]), (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4]);
                assertThat(java).as("%s.match_key of %s", table, Arrays.toString(row)).isEqualTo(database.get(i));
            }
        }
    }

    @Test
    void the_match_key_is_a_stored_generated_column_of_every_item_table() {
        for (String table : List.of("master_item", "course_item", "section_item")) {
            String generated = inAlpha(() -> jdbc.queryForObject("""
                    select a.attgenerated::text from pg_attribute a
                    where a.attrelid = to_regclass(?) and a.attname = 'match_key'
                    """, String.class, table));
            assertThat(generated).as(table).isEqualTo("s");
        }
    }

    /** The column's generation expression as PostgreSQL stores it, e.g. {@code CASE item_type WHEN ... END}. */
    private String generationExpression(String table) {
        return inAlpha(() -> jdbc.queryForObject("""
                select pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d
                join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
                where d.adrelid = to_regclass(?) and a.attname = 'match_key'
                """, String.class, table));
    }

    private <T> T inAlpha(Supplier<T> query) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setReadOnly(true);
        return TenantContext.call("alpha", () -> tx.execute(s -> query.get()));
    }

    /** Evaluates the expression over the values, in their order, as rows with the item tables' column names. */
    private List<String> evaluate(String expression, List<Object[]> rows) {
        List<String> keys = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += 500) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + 500));
            StringBuilder sql = new StringBuilder("select ").append(expression)
                    .append(" from (values ");
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(").append(i)
                        .append(", ?::text, ?::text, ?::text, ?::text, ?::text)");
                parameters.addAll(Arrays.asList(batch.get(i)));
            }
            sql.append(") as item(n, item_type, code, name, task_code, term_code) order by n");
            keys.addAll(jdbc.queryForList(sql.toString(), String.class, parameters.toArray()));
        }
        return keys;
    }

    /** Every type with every listed text in each part (and nulls), plus random texts from a seeded generator. */
    private static List<Object[]> values() {
        List<Object[]> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>(Arrays.asList(TEXTS));
        texts.add(null);
        for (ItemType type : ItemType.values()) {
            for (String text : texts) {
                rows.add(new Object[]{type.name(), text, text == null ? "Labs" : text, "Q1", "T1"});
                rows.add(new Object[]{type.name(), "T1", text == null ? "Labs" : text, text, "T1"});
                rows.add(new Object[]{type.name(), "T1", "Labs", "Q1", text});
            }
        }
        Random random = new Random(16);
        String alphabet = "aAbBzZ09 \t|-_.éÉßẞİıΣσςÄäÅåǅǄ日本🙂\u00a0\u0308";
        int[] points = alphabet.codePoints().toArray();
        for (int i = 0; i < 2000; i++) {
            ItemType type = ItemType.values()[random.nextInt(ItemType.values().length)];
            rows.add(new Object[]{type.name(), text(random, points), text(random, points), text(random, points),
                    text(random, points)});
            if (rows.getLast()[2] == null) {
                rows.getLast()[2] = "";
            }
        }
        return rows;
    }

    private static String text(Random random, int[] points) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return text.toString();
    }
}
