package app.cascade.security.internal;

import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An API call of a user in several districts must say which one it is about ({@link
 * CurrentUserService#DISTRICT_HEADER}). Without that, no district is bound and no data can be read; this turns what
 * would surface as a bare 403 into a problem the client can act on: 400 when the header is missing, 403 when it names
 * a district that is not one of the caller's (an unknown district reads exactly like somebody else's). The problem is
 * written with the application's {@link JsonMapper}, the one Spring MVC writes the other API problems with.
 */
@Configuration(proxyBeanMethods = false)
class ApiDistrictInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final URI DISTRICT_REQUIRED = URI.create("https://cascade.app/problems/district-required");
    static final URI NOT_YOUR_DISTRICT = URI.create("https://cascade.app/problems/not-your-district");

    private final CurrentUserService users;
    private final JsonMapper json;

    ApiDistrictInterceptor(CurrentUserService users, JsonMapper json) {
        this.users = users;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        Optional<CurrentUser> user = users.current();
        if (user.isEmpty() || user.get().activeDistrict().isPresent() || user.get().districts().size() < 2) {
            return true; // anonymous is the security chain's business; none or one district needs no choice
        }
        String named = request.getHeader(CurrentUserService.DISTRICT_HEADER);
        String theirs = String.join(", ", new TreeSet<>(user.get().districts()));
        ProblemDetail problem;
        if (named == null || named.isBlank()) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "You are a member of several "
                    + "districts (" + theirs + "): name the one this call is about with the "
                    + CurrentUserService.DISTRICT_HEADER + " header");
            problem.setType(DISTRICT_REQUIRED);
            problem.setTitle("District required");
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "\"" + named.strip()
                    + "\" is not one of your districts (" + theirs + ")");
            problem.setType(NOT_YOUR_DISTRICT);
            problem.setTitle("Not your district");
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        return false;
    }
}
