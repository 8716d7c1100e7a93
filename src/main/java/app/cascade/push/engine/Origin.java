package app.cascade.push.engine;

/** Where an item was created. */
public enum Origin {
    MASTER, COURSE, TEACHER
}
