/**
 * The shared grading vocabulary: the words catalog, push (and its plain-Java engine), exchange and reports all use for
 * grading setup, each concept with one name and one type. {@link app.cascade.grading.ItemType} (the six data types of
 * an item), {@link app.cascade.grading.LockType} (what a catalog locks and a push pushes: Course Info or a grading
 * type), {@link app.cascade.grading.CourseInfoField}, {@link app.cascade.grading.Locks} (a catalog's locks),
 * {@link app.cascade.grading.Origin} (where an item was created) and {@link app.cascade.grading.MatchKey} (the one
 * Java statement of the match-key rule, checked against the database's generated column). Plain Java: it depends on
 * nothing but {@code java.*}.
 */
package app.cascade.grading;
