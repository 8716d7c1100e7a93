package app.cascade.grading;

/** The Course Info fields a catalog can lock one by one. Names match {@code catalog_lock.lock_name}. */
public enum CourseInfoField {
    name, stateCode, department, credits, gpaWeight, description
}
