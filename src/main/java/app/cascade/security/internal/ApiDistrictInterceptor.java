package app.cascade.security.internal;

import app.cascade.api.ApiProblems;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * The one rule of {@link CurrentUserService#DISTRICT_HEADER} for every API call, whatever the caller's number of
 * districts: a header that names a district the caller is not a member of (or one that does not exist: it reads
 * exactly like somebody else's) answers the same 403 problem, {@code not-your-district}, for a single- and a
 * multi-district caller alike; a header naming the caller's own district is fine. Without the header, a user in
 * several districts gets a 400 problem telling them to send it (no district would be bound, and no data read). The
 * A caller who is a member of no district (platform support, or a user whose organizations are no district) is
 * refused with 403 on every call; one whose district is switched off, with 403 {@code district-switched-off}. The problems are written with the application's {@link JsonMapper}, the one Spring MVC writes the other API problems
 * with.
 */
@Configuration(proxyBeanMethods = false)
class ApiDistrictInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final URI DISTRICT_REQUIRED = URI.create("https://cascade.app/problems/district-required");
    static final URI NOT_YOUR_DISTRICT = URI.create("https://cascade.app/problems/not-your-district");
    static final URI DISTRICT_SWITCHED_OFF = URI.create("https://cascade.app/problems/district-switched-off");
    /** A longer header value is cut in the problem's detail. */
    private static final int MAX_NAME_SHOWN = 64;

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
        if (user.isEmpty()) {
            return true; // anonymous is the security chain's business
        }
        Optional<String> named = users.namedDistrict();
        Set<String> theirs = new TreeSet<>(user.get().districts());
        ProblemDetail problem;
        Set<String> off = user.get().switchedOff();
        if (named.isPresent()) {
            if (theirs.contains(named.get())) {
                return true;
            }
            problem = off.contains(named.get()) ? switchedOff(Set.of(named.get()))
                    : notYourDistrict(named.get(), theirs);
        } else if (user.get().mustChooseDistrict()) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "You are a member of several "
                    + "districts (" + String.join(", ", theirs) + "): name the one this call is about with the "
                    + CurrentUserService.DISTRICT_HEADER + " header");
            problem.setType(DISTRICT_REQUIRED);
            problem.setTitle("District required");
        } else if (theirs.isEmpty() && !off.isEmpty()) {
            problem = switchedOff(off);
        } else if (theirs.isEmpty()) {
            // every /api/v1 call is about a district's data: refused here once, for every endpoint, rather than left
            // to each service (a query with no district bound would fail as a server error)
            problem = ApiProblems.noDistrict();
        } else {
            return true; // one district and no header: nothing to choose
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        return false;
    }

    /** 403: the call's district is switched off in Cascade (its tenant file says {@code enabled: false}). */
    static ProblemDetail switchedOff(Set<String> districts) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "District "
                + String.join(", ", new TreeSet<>(districts)) + " is switched off in Cascade: nothing of it can be read"
                + " or changed until it is switched on again (its data and queued pushes are kept)");
        problem.setType(DISTRICT_SWITCHED_OFF);
        problem.setTitle("District switched off");
        return problem;
    }

    /** The same problem for every caller: only the name they sent and their own districts differ. */
    static ProblemDetail notYourDistrict(String named, Set<String> theirs) {
        String shown = named.length() > MAX_NAME_SHOWN ? named.substring(0, MAX_NAME_SHOWN) + "…" : named;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "\"" + shown
                + "\" is not one of your districts (" + (theirs.isEmpty() ? "none" : String.join(", ", theirs))
                + "): the " + CurrentUserService.DISTRICT_HEADER + " header must name one of them");
        problem.setType(NOT_YOUR_DISTRICT);
        problem.setTitle("Not your district");
        return problem;
    }
}
