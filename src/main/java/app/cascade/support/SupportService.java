package app.cascade.support;

import app.cascade.push.DistrictPushActivity;
import app.cascade.push.PushActivity;
import app.cascade.tenancy.DistrictDirectory;
import app.cascade.tenancy.DistrictState;
import app.cascade.tenancy.DistrictSummary;
import app.cascade.tenancy.TenantFileProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Figures for platform support across all districts: push bookkeeping only (statuses, times, messages), never grading
 * data. Four queries whatever the number of districts (issue 19): the registry's switches, the schema versions, and
 * the push activity of every district ({@link PushActivity}), each one query over all the schemas.
 */
@Service
public class SupportService {

    /**
     * Worst first: a district whose pushes failed in the last 24 hours (the latest failure first), then one whose
     * requests wait (the oldest wait first), then the rest by name.
     */
    static final Comparator<DistrictStatus> WORST_FIRST = Comparator
            .comparing((DistrictStatus d) -> d.district().availability().state() != DistrictState.UNAVAILABLE)
            .thenComparing((DistrictStatus d) -> !d.failedLast24h())
            .thenComparing((DistrictStatus d) -> d.failedLast24h() ? d.lastFailureAt() : null,
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DistrictStatus::oldestQueuedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.district().displayName().toLowerCase(Locale.ROOT));

    private final DistrictDirectory directory;
    private final PushActivity activity;

    public SupportService(DistrictDirectory directory, PushActivity activity) {
        this.directory = directory;
        this.activity = activity;
    }

    /** Every district, worst first. */
    @PreAuthorize("hasRole('SUPPORT')")
    public List<DistrictStatus> districts() {
        return districts("");
    }

    /**
     * The districts whose name, id, schema or Keycloak organization contains {@code filter} (any case; blank: all),
     * worst first.
     */
    @PreAuthorize("hasRole('SUPPORT')")
    public List<DistrictStatus> districts(String filter) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Map<String, DistrictPushActivity> byDistrict = activity.now().stream()
                .collect(Collectors.toMap(DistrictPushActivity::districtId, Function.identity()));
        return directory.districts().stream()
                .filter(d -> needle.isEmpty() || matches(d, needle))
                .map(d -> status(d, byDistrict.getOrDefault(d.id(), DistrictPushActivity.none(d.id()))))
                .sorted(WORST_FIRST)
                .toList();
    }

    /** The tenant files this node left out, and why. */
    @PreAuthorize("hasRole('SUPPORT')")
    public List<TenantFileProblem> tenantFileProblems() {
        return directory.tenantFileProblems();
    }

    private static boolean matches(DistrictSummary d, String needle) {
        return java.util.stream.Stream.of(d.displayName(), d.id(), d.schema(), d.organization())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static DistrictStatus status(DistrictSummary district, DistrictPushActivity a) {
        return new DistrictStatus(district, a.requestsLast24h(), a.oldestDueAt(), a.lastFailureAt(),
                a.lastFailureMessage());
    }
}
