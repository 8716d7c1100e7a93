package app.cascade.push;

import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.PushOptions;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to push. {@code catalogId} is required for {@link PushKind#CATALOG}, {@code masterId} for
 * {@link PushKind#MASTER}; {@code calendarId} optionally narrows {@link PushKind#COURSES} to one calendar.
 */
public record PushCommand(PushKind kind, Long catalogId, Long masterId, long schoolYearId, Long calendarId,
                          PushMode mode, boolean toSections, Set<LockType> types) {

    public PushCommand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        types = types == null || types.isEmpty() ? EnumSet.noneOf(LockType.class) : EnumSet.copyOf(types);
    }

    public static PushCommand catalog(long catalogId, long schoolYearId, PushMode mode, boolean toSections,
                                      Set<LockType> types) {
        return new PushCommand(PushKind.CATALOG, catalogId, null, schoolYearId, null, mode, toSections, types);
    }

    public static PushCommand master(long masterId, long schoolYearId, PushMode mode, boolean toSections,
                                     Set<LockType> types) {
        return new PushCommand(PushKind.MASTER, null, masterId, schoolYearId, null, mode, toSections, types);
    }

    public static PushCommand courses(long schoolYearId, Long calendarId, PushMode mode, Set<LockType> types) {
        return new PushCommand(PushKind.COURSES, null, null, schoolYearId, calendarId, mode, true, types);
    }

    public PushOptions options() {
        return new PushOptions(mode, kind == PushKind.COURSES || toSections, types);
    }
}
