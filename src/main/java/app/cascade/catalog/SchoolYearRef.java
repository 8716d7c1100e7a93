package app.cascade.catalog;

import java.time.LocalDate;

/** A school year; {@code current} when its dates contain today in the district's time zone. */
public record SchoolYearRef(long id, String code, LocalDate startDate, LocalDate endDate, boolean current) {
}
