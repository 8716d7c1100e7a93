package app.cascade.api.internal;

import app.cascade.api.BodyLimit;
import app.cascade.api.BodyTooLargeException;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@code @RequestBody} is read through its limit ({@link BodyLimit}, else {@code cascade.api.max-body-size}):
 * a {@code Content-Length} past it is refused before a byte is read, and a body without one (chunked) is counted
 * while it is read and refused at the first byte past the limit. Either way the handlers answer 413
 * ({@link BodyTooLargeException}).
 */
@ControllerAdvice
class BodyLimitAdvice extends RequestBodyAdviceAdapter {

    private final Environment environment;
    private final ApiProperties properties;
    private final Map<Method, DataSize> limits = new ConcurrentHashMap<>();

    BodyLimitAdvice(Environment environment, ApiProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        DataSize limit = parameter.getMethod() == null ? properties.maxBodySize()
                : limits.computeIfAbsent(parameter.getMethod(), this::limitOf);
        if (message.getHeaders().getContentLength() > limit.toBytes()) {
            throw new BodyTooLargeException(limit);
        }
        // one byte more than the limit may be read: asking for the next one proves the body is too large
        InputStream bounded = BoundedInputStream.builder().setInputStream(message.getBody())
                .setMaxCount(limit.toBytes() + 1)
                .setOnMaxCount((max, count) -> {
                    throw new BodyTooLargeException(limit);
                })
                .get();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return bounded;
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    private DataSize limitOf(Method method) {
        BodyLimit annotation = method.getAnnotation(BodyLimit.class);
        return annotation == null ? properties.maxBodySize()
                : DataSize.parse(environment.resolveRequiredPlaceholders(annotation.value()));
    }
}
