package app.cascade.catalog;

import app.cascade.catalog.internal.CourseCatalog;
import app.cascade.catalog.internal.CourseCatalogRepository;
import app.cascade.catalog.internal.School;
import app.cascade.catalog.internal.SchoolRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The district's course catalogs, their locks and the schools assigned to them. Read only. */
@Service
public class CatalogService {

    private final CourseCatalogRepository catalogs;
    private final SchoolRepository schools;

    CatalogService(CourseCatalogRepository catalogs, SchoolRepository schools) {
        this.catalogs = catalogs;
        this.schools = schools;
    }

    /** Every catalog of the current district, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<CatalogSummary> catalogs() {
        Map<Long, List<SchoolRef>> schoolsByCatalog = schoolsByCatalog();
        Map<Long, Long> masterCounts = catalogs.countMastersByCatalog().stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
        return catalogs.findAllWithLocks().stream()
                .map(c -> summary(c, schoolsByCatalog, masterCounts))
                .sorted(Comparator.comparing(CatalogSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<CatalogSummary> catalog(long id) {
        return catalogs().stream().filter(c -> c.id() == id).findFirst();
    }

    /**
     * The catalogs a push for {@code schoolYearId} can use: those with a master linked to a course of that year
     * (push-rules §3, Select Year), by name.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<CatalogSummary> catalogsForYear(long schoolYearId) {
        java.util.Set<Long> ids = java.util.Set.copyOf(catalogs.findIdsWithLinkedCourseInYear(schoolYearId));
        return ids.isEmpty() ? List.of() : catalogs().stream().filter(c -> ids.contains(c.id())).toList();
    }

    private Map<Long, List<SchoolRef>> schoolsByCatalog() {
        return schools.findAllWithCatalog().stream()
                .filter(s -> s.getCatalog() != null)
                .sorted(Comparator.comparing(School::getName, String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.groupingBy(s -> s.getCatalog().getId(),
                        Collectors.mapping(CatalogService::ref, Collectors.toList())));
    }

    static SchoolRef ref(School school) {
        return new SchoolRef(school.getId(), school.getCode(), school.getName(),
                school.getCatalog() == null ? null : school.getCatalog().getName());
    }

    private static CatalogSummary summary(CourseCatalog catalog, Map<Long, List<SchoolRef>> schools,
                                          Map<Long, Long> masterCounts) {
        return new CatalogSummary(catalog.getId(), catalog.getName(), catalog.getLocks(),
                schools.getOrDefault(catalog.getId(), List.of()), masterCounts.getOrDefault(catalog.getId(), 0L));
    }
}
