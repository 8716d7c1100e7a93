package app.cascade.catalog.api;

import app.cascade.catalog.CourseInfoValues;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

/** The six Course Info fields of a master or a course; the names are those a catalog lock names. */
@Schema(name = "CourseInfo")
record CourseInfoResource(String name, String stateCode, String department, BigDecimal credits, BigDecimal gpaWeight,
                          String description) {

    static CourseInfoResource of(CourseInfoValues v) {
        return new CourseInfoResource(v.name(), v.stateCode(), v.department(), Numbers.plain(v.credits()),
                Numbers.plain(v.gpaWeight()), v.description());
    }
}
