package app.cascade.push;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushRequestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/pushes}: every request of the district without a time window, newest scheduled first; each
 * filter; keyset pages through {@code Link: rel="next"} that a request stored between two pages does not shift; and a
 * 400 naming the parameter for a value the list cannot use. The requests are stored as the service stores them, with
 * no job, so nothing runs.
 */
@CascadeIntegrationTest
class PushListIT {

    static final String LIST = "/api/v1/pushes";
    static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestStore store;

    PushFixture f;
    ApiClient api;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        api = new ApiClient(port);
    }

    private UUID stored(PushCommand command, PushStatus status, Instant scheduledAt) {
        return f.inAlpha(() -> store.create(command, "alpha.push", "Alpha Pusher", status, scheduledAt));
    }

    private UUID catalogPush(PushStatus status, Instant scheduledAt) {
        return stored(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)), status, scheduledAt);
    }

    private List<UUID> ids(ResponseEntity<String> page) {
        assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        api.json(page.getBody()).forEach(n -> ids.add(UUID.fromString(n.get("id").asString())));
        return ids;
    }

    private List<UUID> list(String query) {
        return ids(api.get("alpha.viewer", LIST + query));
    }

    private ResponseEntity<String> follow(URI next) {
        return api.as("alpha.viewer").get().uri(next).retrieve().toEntity(String.class);
    }

    private static URI nextLink(ResponseEntity<String> page) {
        String link = page.getHeaders().getFirst(HttpHeaders.LINK);
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        assertThat(next.find()).as(link).isTrue();
        return URI.create(next.group(1));
    }

    @Test
    void without_from_and_to_every_request_of_the_district_is_listed_newest_scheduled_first() {
        UUID lastYear = catalogPush(PushStatus.COMPLETED, NOW.minus(300, ChronoUnit.DAYS));
        UUID lastMonth = catalogPush(PushStatus.FAILED, NOW.minus(30, ChronoUnit.DAYS));
        UUID now = catalogPush(PushStatus.QUEUED, NOW);
        UUID nextMonth = catalogPush(PushStatus.SCHEDULED, NOW.plus(30, ChronoUnit.DAYS));
        PushFixture beta = new PushFixture(context, "beta").build();
        beta.inAlpha(() -> store.create(PushCommand.catalog(beta.catalog, beta.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)), "beta.push", null, PushStatus.QUEUED, NOW));

        assertThat(list("")).containsExactly(nextMonth, now, lastMonth, lastYear);
        assertThat(ids(api.get("beta.viewer", LIST))).hasSize(1).doesNotContain(nextMonth, now, lastMonth, lastYear);
    }

    @Test
    void status_filters_the_list_and_may_repeat() {
        UUID failed = catalogPush(PushStatus.FAILED, NOW.minus(2, ChronoUnit.HOURS));
        UUID warnings = catalogPush(PushStatus.COMPLETED_WITH_WARNINGS, NOW.minus(1, ChronoUnit.HOURS));
        catalogPush(PushStatus.COMPLETED, NOW);
        catalogPush(PushStatus.SCHEDULED, NOW.plus(1, ChronoUnit.HOURS));

        assertThat(list("?status=FAILED")).containsExactly(failed);
        assertThat(list("?status=FAILED&status=COMPLETED_WITH_WARNINGS")).containsExactly(warnings, failed);
    }

    @Test
    void kind_filters_the_list_and_may_repeat() {
        UUID catalog = catalogPush(PushStatus.COMPLETED, NOW.minus(2, ChronoUnit.HOURS));
        UUID master = stored(PushCommand.master(f.eng.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)), PushStatus.COMPLETED, NOW.minus(1, ChronoUnit.HOURS));
        UUID courses = stored(PushCommand.courses(f.current, null, PushMode.PUSH_LOCKED,
                EnumSet.allOf(LockType.class)), PushStatus.COMPLETED, NOW);

        assertThat(list("?kind=MASTER")).containsExactly(master);
        assertThat(list("?kind=COURSES&kind=CATALOG")).containsExactly(courses, catalog);
    }

    @Test
    void catalog_id_filters_the_list_and_a_push_to_courses_counts_for_its_masters_catalog() {
        long middle = f.d.catalog("Middle School Catalog");
        var sci = f.d.master(middle, "SCI7", "Science 7");
        UUID ours = catalogPush(PushStatus.COMPLETED, NOW.minus(3, ChronoUnit.HOURS));
        UUID ourMaster = stored(PushCommand.master(f.eng.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)), PushStatus.COMPLETED, NOW.minus(2, ChronoUnit.HOURS));
        UUID theirs = stored(PushCommand.catalog(middle, f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)), PushStatus.COMPLETED, NOW.minus(1, ChronoUnit.HOURS));
        UUID theirMaster = stored(PushCommand.master(sci.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)), PushStatus.COMPLETED, NOW);
        stored(PushCommand.courses(f.current, null, PushMode.PUSH_LOCKED, EnumSet.allOf(LockType.class)),
                PushStatus.COMPLETED, NOW);

        assertThat(list("?catalogId=" + f.catalog)).containsExactly(ourMaster, ours);
        assertThat(list("?catalogId=" + middle)).containsExactly(theirMaster, theirs);
        assertThat(list("?catalogId=" + middle + "&kind=MASTER")).containsExactly(theirMaster);
    }

    @Test
    void from_and_to_filter_scheduled_at_from_inclusive_to_exclusive() {
        UUID before = catalogPush(PushStatus.COMPLETED, NOW.minus(2, ChronoUnit.DAYS));
        UUID atFrom = catalogPush(PushStatus.COMPLETED, NOW.minus(1, ChronoUnit.DAYS));
        UUID inside = catalogPush(PushStatus.COMPLETED, NOW);
        UUID atTo = catalogPush(PushStatus.SCHEDULED, NOW.plus(1, ChronoUnit.DAYS));

        String from = NOW.minus(1, ChronoUnit.DAYS).toString();
        String to = NOW.plus(1, ChronoUnit.DAYS).toString();
        assertThat(list("?from=" + from + "&to=" + to)).containsExactly(inside, atFrom);
        assertThat(list("?from=" + from)).containsExactly(atTo, inside, atFrom);
        assertThat(list("?to=" + to)).containsExactly(inside, atFrom, before);
    }

    @Test
    void pages_follow_the_next_link_and_a_request_stored_between_two_pages_shifts_nothing() {
        List<UUID> stored = new ArrayList<>();
        for (int hours = 0; hours < 3; hours++) {
            stored.add(catalogPush(PushStatus.COMPLETED, NOW.minus(hours, ChronoUnit.HOURS)));
        }
        // two requests at the same instant, which the second page's cut falls between: their ids order them
        Instant tie = NOW.minus(5, ChronoUnit.HOURS);
        stored.add(catalogPush(PushStatus.COMPLETED, tie));
        stored.add(catalogPush(PushStatus.COMPLETED, tie));
        UUID otherKind = stored(PushCommand.courses(f.current, null, PushMode.PUSH_LOCKED,
                EnumSet.allOf(LockType.class)), PushStatus.COMPLETED, NOW.minus(4, ChronoUnit.HOURS));

        ResponseEntity<String> first = api.get("alpha.viewer", LIST + "?kind=CATALOG&limit=2");
        List<UUID> seen = new ArrayList<>(ids(first));
        assertThat(seen).containsExactly(stored.get(0), stored.get(1));
        UUID newest = catalogPush(PushStatus.SCHEDULED, NOW.plus(1, ChronoUnit.HOURS));
        URI next = nextLink(first);
        assertThat(next).isNotNull();
        assertThat(next.getQuery()).contains("kind=CATALOG", "limit=2");
        int pages = 1;
        while (next != null) {
            ResponseEntity<String> page = follow(next);
            seen.addAll(ids(page));
            next = nextLink(page);
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates().doesNotContain(newest, otherKind)
                .containsExactlyInAnyOrderElementsOf(stored);
        assertThat(seen.subList(0, 3)).containsExactly(stored.get(0), stored.get(1), stored.get(2));
        assertThat(list("?kind=CATALOG&limit=2")).containsExactly(newest, stored.get(0));
    }

    @Test
    void a_value_the_list_cannot_use_is_a_400_naming_its_parameter() {
        api.badField(api.get("alpha.viewer", LIST + "?status=DONE"), "status");
        api.badField(api.get("alpha.viewer", LIST + "?status=FAILED&status=done"), "status");
        api.badField(api.get("alpha.viewer", LIST + "?kind=CATALOG&kind=SCHOOL"), "kind");
        api.badField(api.get("alpha.viewer", LIST + "?catalogId=abc"), "catalogId");
        api.badField(api.get("alpha.viewer", LIST + "?limit=0"), "limit");
        api.badField(api.get("alpha.viewer", LIST + "?limit=501"), "limit");
        api.badField(api.get("alpha.viewer", LIST + "?cursor=bm90LWEtcG9zaXRpb24"), "cursor");
        api.badField(api.get("alpha.viewer", LIST + "?cursor=%25%25"), "cursor");
        api.badField(api.get("alpha.viewer", LIST + "?from=2030-01-01T00:00:00Z&to=2030-01-01T00:00:00Z"), "from");
        api.badField(api.get("alpha.viewer", LIST + "?to=2100-01-01T00:00:01Z"), "to");
        assertThat(api.json(api.get("alpha.viewer", LIST + "?status=DONE").getBody()).get("detail").asString())
                .startsWith("status: unknown value 'DONE'").contains("COMPLETED_WITH_WARNINGS");
    }
}
