package app.cascade.push.api;

import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushKind;
import app.cascade.push.PushValidationException;
import app.cascade.push.engine.PushMode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The push tool's form (push-rules §5) as JSON. Only the API's defaults live here: {@code kind} CATALOG,
 * {@code types} all, {@code toSections} false; everything else is validated by the push services.
 */
@Schema(name = "PushRequestBody", description = "What to push, and optionally when")
record PushRequestBody(
        @Schema(description = "Which push tool; default CATALOG", defaultValue = "CATALOG")
        PushKind kind,
        @Schema(description = "Required for CATALOG", example = "1")
        Long catalogId,
        @Schema(description = "Required for MASTER")
        Long masterId,
        @Schema(description = "Optional for COURSES: only courses of this calendar")
        Long calendarId,
        @Schema(description = "The school year whose courses are pushed to", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "1")
        Long schoolYearId,
        @Schema(description = "Push Mode", requiredMode = Schema.RequiredMode.REQUIRED)
        PushMode mode,
        @Schema(description = "Push locked data to sections; default false")
        Boolean toSections,
        @Schema(description = "Data to be pushed; default all")
        Set<LockType> types,
        @Schema(description = "Submit to Batch at this ISO-8601 instant; absent means Run Now",
                example = "2026-12-01T06:00:00Z")
        Instant scheduledAt) {

    PushCommand toCommand() {
        if (schoolYearId == null) {
            throw new PushValidationException("schoolYearId", "Select a school year");
        }
        if (mode == null) {
            throw new PushValidationException("mode", "Choose a push mode: PUSH_LOCKED or OVERWRITE");
        }
        if (types != null && types.contains(null)) {
            throw new PushValidationException("types", "A type of data to push cannot be null");
        }
        return new PushCommand(kind == null ? PushKind.CATALOG : kind, catalogId, masterId, schoolYearId, calendarId,
                mode, Boolean.TRUE.equals(toSections), types == null ? EnumSet.allOf(LockType.class) : types);
    }
}
