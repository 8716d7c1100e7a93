package app.cascade.catalog;

import app.cascade.catalog.internal.CourseInfo;
import app.cascade.catalog.internal.CourseMaster;
import app.cascade.catalog.internal.CourseMasterRepository;
import app.cascade.catalog.internal.ItemValues;
import app.cascade.catalog.internal.MasterItemRepository;
import app.cascade.grading.ItemType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The course masters of a catalog, paged and filtered in the database, and one master's grading setup. */
@Service
public class CourseMasterService {

    private static final String FILTERED = " from CourseMaster m where m.catalog.id = :catalogId and (:pattern = ''"
            + " or lower(m.number) like :pattern escape '!' or lower(m.info.name) like :pattern escape '!'"
            + " or lower(coalesce(m.info.department, '')) like :pattern escape '!')";

    private final EntityManager em;
    private final CourseMasterRepository masters;
    private final MasterItemRepository items;

    CourseMasterService(EntityManager em, CourseMasterRepository masters, MasterItemRepository items) {
        this.em = em;
        this.masters = masters;
        this.items = items;
    }

    /**
     * One page of the masters of {@code catalogId} whose number, name or department contains {@code filter}
     * (case-insensitive; blank means all), ordered by number.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<MasterRow> page(long catalogId, String filter, int offset, int limit) {
        TypedQuery<CourseMaster> query = em.createQuery("select m" + FILTERED + " order by m.number, m.id",
                CourseMaster.class);
        return bind(query, catalogId, filter).setFirstResult(offset).setMaxResults(limit).getResultStream()
                .map(CourseMasterService::row).toList();
    }

    /** How many masters {@link #page} can return for the same catalog and filter. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public int count(long catalogId, String filter) {
        return Math.toIntExact(bind(em.createQuery("select count(m)" + FILTERED, Long.class), catalogId, filter)
                .getSingleResult());
    }

    /** One master with its attributes and items grouped by type; empty when the district has no such master. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<MasterDetails> master(long masterId) {
        return masters.findWithCatalog(masterId).map(m -> {
            Map<ItemType, List<GradingItem>> grouped = items.findByMaster(masterId).stream()
                    .map(CourseMasterService::item)
                    .collect(Collectors.groupingBy(GradingItem::type));
            return new MasterDetails(m.getId(), m.getCatalog().getId(), m.getCatalog().getName(), m.getNumber(),
                    info(m.getInfo()), m.getCatalog().getLocks(), grouped);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, long catalogId, String filter) {
        return query.setParameter("catalogId", catalogId).setParameter("pattern", Filters.containsPattern(filter));
    }

    private static MasterRow row(CourseMaster m) {
        CourseInfo info = m.getInfo();
        return new MasterRow(m.getId(), m.getNumber(), info.getName(), info.getDepartment(), info.getStateCode(),
                info.getCredits());
    }

    static CourseInfoValues info(CourseInfo info) {
        return new CourseInfoValues(info.getName(), info.getStateCode(), info.getDepartment(), info.getCredits(),
                info.getGpaWeight(), info.getDescription());
    }

    static GradingItem item(ItemValues i) {
        return new GradingItem(i.getId(), i.getType(), i.getCode(), i.getName(), i.getTaskCode(), i.getTermCode(),
                i.getWeight(), i.getSeq(), i.getCalcMethod(), i.getRounding(), i.getParts(), i.getMatchKey());
    }
}
