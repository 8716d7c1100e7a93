package app.cascade.push.engine;

/** What a plan changes, for previews and progress. */
public record PlanCounts(int created, int updated, int relinked, int deleted, int residual, int renamed,
                         int courseInfoFields) {

    public static final PlanCounts ZERO = new PlanCounts(0, 0, 0, 0, 0, 0, 0);

    public int changes() {
        return created + updated + deleted + courseInfoFields;
    }

    public PlanCounts plus(PlanCounts o) {
        return new PlanCounts(created + o.created, updated + o.updated, relinked + o.relinked, deleted + o.deleted,
                residual + o.residual, renamed + o.renamed, courseInfoFields + o.courseInfoFields);
    }
}
