package app.cascade.push.engine;

import app.cascade.grading.LockType;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of one push.
 *
 * @param toSections "Push locked data to sections"
 * @param types      "Data to be pushed"
 */
public record PushOptions(PushMode mode, boolean toSections, Set<LockType> types) {

    public PushOptions {
        Objects.requireNonNull(mode, "mode");
        types = types.isEmpty() ? EnumSet.noneOf(LockType.class) : EnumSet.copyOf(types);
    }

    public static PushOptions all(PushMode mode, boolean toSections) {
        return new PushOptions(mode, toSections, EnumSet.allOf(LockType.class));
    }
}
