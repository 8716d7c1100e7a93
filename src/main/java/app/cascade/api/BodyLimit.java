package app.cascade.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an endpoint accepts, as a data size ({@code 64KB}) or a property placeholder that resolves
 * to one ({@code ${cascade.exchange.max-import-size}}). Without it, a request body may be at most
 * {@code cascade.api.max-body-size}. Past the limit the endpoint answers 413 problem JSON, also for chunked bodies
 * (the bytes are counted while they are read).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BodyLimit {

    String value();
}
