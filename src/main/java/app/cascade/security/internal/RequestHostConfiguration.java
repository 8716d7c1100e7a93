package app.cascade.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.List;

/**
 * The {@link AllowedHostsFilter} on the application port, ahead of Spring Security and everything else, so a request
 * for a foreign host is refused before anything can build a URL from it.
 */
@Configuration(proxyBeanMethods = false)
class RequestHostConfiguration {

    @Bean
    FilterRegistrationBean<AllowedHostsFilter> allowedHostsFilter(
            @Value("${cascade.base-url:}") String baseUrl,
            @Value("${cascade.security.allowed-hosts:}") List<String> allowedHosts) {
        FilterRegistrationBean<AllowedHostsFilter> registration =
                new FilterRegistrationBean<>(new AllowedHostsFilter(baseUrl, allowedHosts));
        registration.setName("allowedHostsFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
