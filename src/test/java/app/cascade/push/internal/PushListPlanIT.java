package app.cascade.push.internal;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DistrictFixture;
import app.cascade.push.PushListQuery;
import app.cascade.push.PushStatus;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's push list stays index-friendly in a district of 10,000 requests: PostgreSQL reads a page, first or later,
 * by walking {@code push_request_list_idx} backwards from the page's position and stops after the page, sorting
 * nothing; the page's results read the requests' own rows through their indexes. Plans, not timings.
 */
@CascadeIntegrationTest
class PushListPlanIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private <T> T inAlpha(Supplier<T> work) {
        return TenantContext.call("alpha", () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    /** The plan of the list's statement for this query, in the district. */
    private String plan(PushListQuery query) {
        return inAlpha(() -> {
            PushRequestStore.Statement statement = store.listStatement(query);
            return String.join("\n", jdbc.queryForList("explain " + statement.sql(), String.class,
                    statement.args()));
        });
    }

    private void tenThousandRequests() {
        DistrictFixture d = DistrictFixture.in("alpha", context).wipe();
        long year = d.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        long catalog = d.catalog("High School Catalog", CatalogLock.values());
        inAlpha(() -> {
            jdbc.update("""
                    insert into push_request (id, kind, catalog_id, school_year_id, mode, to_sections, data_types,
                        status, submitted_by, scheduled_at)
                    select gen_random_uuid(), 'CATALOG', ?, ?, 'PUSH_LOCKED', false, array['CATEGORIES'],
                        (array['COMPLETED', 'COMPLETED_WITH_WARNINGS', 'FAILED', 'CANCELLED'])[1 + n % 4],
                        'alpha.push', now() - n * interval '1 hour'
                    from generate_series(1, 10000) n
                    """, catalog, year);
            return jdbc.execute("analyze push_request", (java.sql.PreparedStatement s) -> s.execute());
        });
    }

    @Test
    void a_page_of_a_10000_request_district_walks_the_list_index_and_sorts_nothing() {
        tenThousandRequests();
        PushListQuery first = new PushListQuery(Set.of(), Set.of(), null, null, null, null, 51);
        List<Object[]> last = inAlpha(() -> jdbc.query("select scheduled_at, id from push_request order by"
                + " scheduled_at desc, id desc offset 5000 limit 1", (rs, n) -> new Object[]{
                rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class)}));
        PushListQuery later = new PushListQuery(Set.of(), Set.of(), null, null, null,
                new PushListQuery.Position((Instant) last.getFirst()[0], (UUID) last.getFirst()[1]), 51);
        PushListQuery filtered = new PushListQuery(Set.of(PushStatus.FAILED, PushStatus.CANCELLED), Set.of(), null,
                null, null, later.after(), 51);

        for (PushListQuery query : List.of(first, later, filtered)) {
            String plan = plan(query);
            assertThat(plan).as(plan).contains("Index Scan Backward using push_request_list_idx")
                    .doesNotContain("Sort", "Seq Scan on push_request");
        }
    }
}
