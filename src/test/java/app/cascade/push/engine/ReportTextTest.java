package app.cascade.push.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {

    @Test
    void dependents_read_in_the_singular_and_the_plural_and_leave_out_the_zeros() {
        assertThat(ReportText.dependents(new Dependents(1, 2, 0, 0))).isEqualTo("1 assignment, 2 scores");
        assertThat(ReportText.dependents(new Dependents(0, 0, 1, 3))).isEqualTo("1 posted grade, 3 comments");
        assertThat(ReportText.dependents(new Dependents(2, 1, 2, 1)))
                .isEqualTo("2 assignments, 1 score, 2 posted grades, 1 comment");
        assertThat(ReportText.dependents(Dependents.NONE)).isEmpty();
        assertThat(ReportText.dependents(null)).isEmpty();
    }

    /** What the engine writes (DesyncDetector, PushExecutor), as a person reads it. */
    @Test
    void details_lose_the_desync_condition_number_and_database_ids() {
        assertThat(ReportText.details("condition 1: \"S1 Semester 1\" links to an item of another course master "
                + "(id 16)")).isEqualTo("\"S1 Semester 1\" links to an item of another course master");
        assertThat(ReportText.details("condition 3: \"Q2\" is not linked but has the key of a master item"))
                .isEqualTo("\"Q2\" is not linked but has the key of a master item");
        assertThat(ReportText.details("Gradebook counts of course 42 changed from [1, 0, 0, 0] to [0, 0, 0, 0]"))
                .isEqualTo("Gradebook counts of the course changed from [1, 0, 0, 0] to [0, 0, 0, 0]");
        assertThat(ReportText.details("Renamed to \"Labs (1)\" because a pushed category has the same name"))
                .isEqualTo("Renamed to \"Labs (1)\" because a pushed category has the same name");
        assertThat(ReportText.details(null)).isEmpty();
    }

    @Test
    void every_reason_has_words_that_are_not_its_code() {
        assertThat(Arrays.stream(ReasonCode.values())).allSatisfy(code ->
                assertThat(code.label()).isNotBlank().doesNotContain("_").isNotEqualTo(code.name()));
        assertThat(ReasonCode.TERM_NOT_IN_CALENDAR.label()).isEqualTo("Term not in the calendar");
    }

    @Test
    void a_request_level_row_reads_as_the_whole_request() {
        ReportRow row = new ReportRow(null, null, null, null, null, "Categories", null, "Not pushed",
                ReasonCode.NOT_LOCKED, Dependents.NONE, "Categories is not locked in the catalog, so it was not pushed");
        assertThat(ReportText.course(row)).isEqualTo("(whole request)");
        assertThat(ReportText.course(new ReportRow(7L, "LHS", "ENG101", "English 9", null, null, null, "Relinked",
                ReasonCode.RELINKED, Dependents.NONE, null))).isEqualTo("ENG101 English 9");
    }
}
