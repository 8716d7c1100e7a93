package app.cascade.push.ui;

import app.cascade.grading.LockType;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.PushMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's live region: what a screen reader hears when the Batch Queue List changes (issue 15). */
class LiveStatusTest {

    static final UUID FIRST = UUID.randomUUID();
    static final UUID SECOND = UUID.randomUUID();

    static PushRequestSummary request(UUID id, PushStatus status) {
        return new PushRequestSummary(id, PushKind.CATALOG, Instant.parse("2026-12-05T15:00:00Z"),
                "High School Catalog", null, "26-27", status, 0, null, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class), "lakeside.push", "Priya Natarajan", null, null, null, null, 0, null);
    }

    @Test
    void it_is_a_polite_status_region_that_stays_silent_on_the_first_load() {
        LiveStatus live = new LiveStatus("push-live");
        live.statuses(List.of(request(FIRST, PushStatus.COMPLETED)));

        assertThat(live.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(live.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(live.getText()).isEmpty();
    }

    @Test
    void a_new_request_and_a_status_change_are_announced_in_the_uis_words() {
        LiveStatus live = new LiveStatus("push-live");
        live.statuses(List.of(request(FIRST, PushStatus.RUNNING)));

        live.statuses(List.of(request(SECOND, PushStatus.QUEUED), request(FIRST, PushStatus.COMPLETED_WITH_WARNINGS)));
        assertThat(live.getText()).isEqualTo("High School Catalog (26-27): Queued. "
                + "High School Catalog (26-27): Completed with warnings.");

        live.statuses(List.of(request(SECOND, PushStatus.QUEUED), request(FIRST, PushStatus.COMPLETED_WITH_WARNINGS)));
        assertThat(live.getText()).as("nothing changed: the last announcement stays")
                .isEqualTo("High School Catalog (26-27): Queued. High School Catalog (26-27): Completed with warnings.");
    }
}
