package app.cascade.reports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Course Audit Report's value columns read a composite's parts as every screen does (issue 15). */
class ItemSqlTest {

    @Test
    void a_composites_stored_parts_read_as_the_screens_write_them() {
        String stored = "Semester 1 [{\"taskCode\": \"QTR\", \"termCode\": \"Q1\", \"weight\": 40},"
                + " {\"taskCode\": \"QTR\", \"termCode\": \"Q2\", \"weight\": 60}]";

        assertThat(ItemSql.readable(stored)).isEqualTo("Semester 1 QTR Q1 40 % + QTR Q2 60 %");
    }

    @Test
    void other_values_and_a_missing_value_are_left_as_they_are() {
        assertThat(ItemSql.readable("Homework, weight 40, order 1")).isEqualTo("Homework, weight 40, order 1");
        assertThat(ItemSql.readable(null)).isNull();
    }
}
