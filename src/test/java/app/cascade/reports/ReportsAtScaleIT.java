package app.cascade.reports;

import app.cascade.CascadeIntegrationTest;
import app.cascade.bench.DistrictGenerator;
import app.cascade.catalog.TestUsers;
import app.cascade.push.DesyncQuery;
import app.cascade.push.DesyncedCourse;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports on a generated district of 2,000 courses and 10,000 sections (DistrictGenerator size S): the audit's
 * desynced courses are exactly the engine's (DesyncQuery), pages put together equal the count, and no call takes
 * pathologically long (a generous bound: the machine is shared; the times are printed).
 */
@CascadeIntegrationTest
class ReportsAtScaleIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CourseAuditService audit;
    @Autowired
    AwaitingPushService awaiting;
    @Autowired
    ResidualReportService residual;
    @Autowired
    DesyncQuery desyncs;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void on_two_thousand_courses_the_audit_agrees_with_the_engine_and_pages_add_up() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        DistrictGenerator.District district = TenantContext.call("alpha",
                () -> tx.execute(s -> new DistrictGenerator(jdbc).generate(DistrictGenerator.Size.S)));
        TenantContext.run("alpha", () -> jdbc.execute("analyze"));
        TestUsers.signIn(context, "alpha.viewer");
        ReportFilter filter = ReportFilter.all().catalog(district.catalogId()).year(district.schoolYearId());

        int auditCount = timed("audit count", () -> audit.count(filter));
        List<AuditRow> deep = timed("audit deep page", () -> audit.page(filter, auditCount - 50, 50));
        assertThat(deep).hasSize(50);
        List<Long> desyncedByAudit = new ArrayList<>();
        for (int offset = 0; offset < auditCount; offset += 2_000) {
            int from = offset;
            timed("audit page at " + from, () -> audit.page(filter, from, 2_000)).stream()
                    .filter(r -> r.status() == AuditStatus.DESYNCED).map(AuditRow::courseId).distinct()
                    .forEach(desyncedByAudit::add);
        }
        List<Long> desyncedByEngine = desyncs.desyncedCourses(district.catalogId(), district.schoolYearId()).stream()
                .map(DesyncedCourse::courseId).toList();
        assertThat(desyncedByEngine).hasSizeGreaterThan(5);
        assertThat(desyncedByAudit).containsExactlyInAnyOrderElementsOf(desyncedByEngine);

        int awaitingCount = timed("awaiting count", () -> awaiting.count(filter));
        assertThat(awaitingCount).isGreaterThan(0);
        assertThat(timed("awaiting page", () -> awaiting.page(filter, 0, 50))).hasSize(Math.min(50, awaitingCount));
        int residualCount = timed("residual count", () -> residual.count(filter));
        assertThat(timed("residual page", () -> residual.page(filter, 0, 50))).hasSize(Math.min(50, residualCount));
    }

    private static <T> T timed(String what, Supplier<T> call) {
        long t0 = System.nanoTime();
        T result = call.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "ReportsAtScaleIT: %s took %.2f s%n", what, seconds);
        assertThat(seconds).as("%s took %.1f s", what, seconds).isLessThan(30);
        return result;
    }
}
