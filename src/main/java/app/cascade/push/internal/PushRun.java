package app.cascade.push.internal;

import app.cascade.push.PushKind;
import app.cascade.push.PushRequestView;
import app.cascade.grading.Locks;
import app.cascade.push.engine.PushOptions;

import java.util.UUID;

/**
 * One push as its chunks see it: the request, its catalog's locks, the request whose master snapshot it reads (null
 * for a push from courses or a dry run: the masters as they are now) and where its figures go.
 */
record PushRun(PushRequestView request, Locks locks, UUID snapshotOf, PushPhases phases) {

    PushOptions options() {
        return request.command().options();
    }

    boolean fromCourses() {
        return request.kind() == PushKind.COURSES;
    }
}
