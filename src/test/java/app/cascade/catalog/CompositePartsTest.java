package app.cascade.catalog;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompositePartsTest {

    private static final String HALVES = "[{\"taskCode\": \"Q1\", \"termCode\": \"T1\", \"weight\": 50},"
            + " {\"taskCode\": \"Q2\", \"termCode\": \"T1\", \"weight\": \"50.000\"}]";

    @Test
    void parts_whose_weights_add_up_to_exactly_100_are_valid() {
        CompositeParts parts = CompositeParts.parse(HALVES);
        assertThatCode(() -> parts.validateFor("S1", "T1")).doesNotThrowAnyException();
        assertThat(parts.taskCodes()).containsExactly("Q1", "Q2");
        assertThatCode(() -> CompositeParts.fromLines("Q1 T1 33.333\nQ2 T1 33.333\nQ3 T1 33.334")
                .validateFor("S1", "T1")).doesNotThrowAnyException();
    }

    @Test
    void a_sum_other_than_100_is_refused_showing_the_sum() {
        assertThatThrownBy(() -> CompositeParts.fromLines("Q1 T1 60\nQ2 T1 30").validateFor("S1", "T1"))
                .isInstanceOf(SetupEditException.class)
                .hasMessageContaining("must add up to 100 %").hasMessageContaining("Q1 / T1 60 + Q2 / T1 30 = 90 %");
        assertThatThrownBy(() -> CompositeParts.fromLines("Q1 T1 60\nQ2 T1 40.001").validateFor("S1", "T1"))
                .hasMessageContaining("= 100.001 %");
    }

    @Test
    void negative_missing_or_duplicate_parts_and_self_reference_are_refused() {
        assertThatThrownBy(() -> CompositeParts.fromLines("Q1 T1 120\nQ2 T1 -20").validateFor("S1", "T1"))
                .hasMessageContaining("Q2 / T1 has a negative weight");
        assertThatThrownBy(() -> CompositeParts.fromLines("Q1 T1 50\nQ1 T1 50").validateFor("S1", "T1"))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> CompositeParts.fromLines("S1 T1 100").validateFor("S1", "T1"))
                .hasMessageContaining("cannot be a part of itself");
        assertThatThrownBy(() -> CompositeParts.fromLines("").validateFor("S1", "T1"))
                .hasMessageContaining("at least one part");
        assertThatThrownBy(() -> CompositeParts.parse("[{\"taskCode\": \"Q1\", \"weight\": 100}]")
                .validateFor("S1", "T1")).hasMessageContaining("needs a task or standard code and a term");
        assertThatThrownBy(() -> CompositeParts.parse("[{\"taskCode\": \"Q1\", \"termCode\": \"T1\"}]")
                .validateFor("S1", "T1")).hasMessageContaining("Q1 / T1 needs a weight");
    }

    @Test
    void unreadable_input_is_refused_with_what_was_expected() {
        assertThatThrownBy(() -> CompositeParts.parse("{\"taskCode\": \"Q1\"}"))
                .hasMessageContaining("must be a list");
        assertThatThrownBy(() -> CompositeParts.parse("[{"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CompositeParts.fromLines("Q1 T1"))
                .hasMessageContaining("Line 1").hasMessageContaining("TASK TERM WEIGHT");
        assertThatThrownBy(() -> CompositeParts.fromLines("Q1 T1 50\nQ2 T1 half"))
                .hasMessageContaining("Line 2").hasMessageContaining("\"half\" is not a number");
    }

    @Test
    void lines_and_json_round_trip() {
        CompositeParts parts = CompositeParts.fromLines(" Q1 T1 50% \n\nQ2, T1, 50.0");
        assertThat(parts.toLines()).isEqualTo("Q1 T1 50\nQ2 T1 50");
        CompositeParts again = CompositeParts.parse(parts.toJson());
        assertThat(again.parts()).extracting(CompositeParts.Part::weight)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("50"),
                        new BigDecimal("50"));
        assertThat(again.toLines()).isEqualTo(parts.toLines());
    }

    @Test
    void parts_read_as_task_term_and_percent_joined_by_plus_and_unreadable_text_stays_as_it_is() {
        assertThat(CompositeParts.describe("[{\"weight\": 40, \"taskCode\": \"QTR\", \"termCode\": \"Q1\"},"
                + " {\"weight\": 60.0, \"taskCode\": \"QTR\", \"termCode\": \"Q2\"}]"))
                .isEqualTo("QTR Q1 40 % + QTR Q2 60 %");
        assertThat(CompositeParts.describe("[]")).isEqualTo("no parts");
        assertThat(CompositeParts.describe("{not json")).isEqualTo("{not json");
    }
}
