package app.cascade.support.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Support staff reach JobRunr's dashboard through the app: {@code /support/jobs/} opens it, and the dashboard's own
 * paths ({@code /dashboard/**}, its {@code /api/...} calls and {@code /sse/**} streams) are relayed to the internal
 * dashboard server with the credentials only this process knows. Sign-in and the SUPPORT role are required (the UI
 * security chain and {@code @PreAuthorize}).
 * <p>
 * <b>Read-only.</b> Support watches jobs, it does not push: only GET and HEAD are relayed (pages, JSON reads and the
 * server-sent event streams). Every other method — requeue, delete, trigger, and anything JobRunr adds later on these
 * paths — is refused here with 403 problem JSON and logged, before it reaches JobRunr. Retrying a failed push request
 * and cancelling a stuck one go through the Support view, audited ({@code PushRequestService}).
 * <p>
 * Its page and script are relayed with two small changes ({@link DashboardRewrites}): the manifest is fetched signed
 * in, and nothing is fetched from api.jobrunr.io.
 */
@Controller
public class JobDashboardProxy {

    /** The only methods relayed: they read. */
    static final Set<String> READ_ONLY = Set.of("GET", "HEAD");
    static final String READ_ONLY_DETAIL = "The jobs dashboard is read-only for support: retry a failed push request"
            + " or cancel a stuck one from the Support view of Cascade, with a reason.";
    private static final Logger log = LoggerFactory.getLogger(JobDashboardProxy.class);

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "host", "content-length", "authorization", "cookie", "proxy-authorization");

    private final ObjectProvider<JobDashboard> dashboard;
    private final HttpClient http = HttpClient.newHttpClient();

    public JobDashboardProxy(ObjectProvider<JobDashboard> dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping({"/support/jobs", "/support/jobs/"})
    @PreAuthorize("hasRole('SUPPORT')")
    public String open() {
        return "redirect:/dashboard/overview";
    }

    @RequestMapping({"/dashboard", "/dashboard/**", "/sse/**", "/api/jobs", "/api/jobs/**", "/api/recurring-jobs",
            "/api/recurring-jobs/**", "/api/problems", "/api/problems/**", "/api/servers", "/api/servers/**",
            "/api/version", "/api/metadata/**"})
    @PreAuthorize("hasRole('SUPPORT')")
    public ResponseEntity<ProblemDetail> relay(HttpServletRequest request, HttpServletResponse response,
                                               Principal who) throws IOException, InterruptedException {
        if (!READ_ONLY.contains(request.getMethod())) {
            log.warn("Refused {} {} of the jobs dashboard for {}: it is read-only", request.getMethod(),
                    request.getRequestURI(), who.getName());
            ProblemDetail refused = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, READ_ONLY_DETAIL);
            refused.setTitle("The jobs dashboard is read-only");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(refused);
        }
        if (request.getRequestURI().startsWith(DashboardRewrites.OFFLINE)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT); // JobRunr's version and news: not fetched
            return null;
        }
        JobDashboard target = dashboard.getIfAvailable();
        if (target == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "The jobs dashboard is disabled");
            return null;
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.internalPort()
                        + request.getRequestURI() + query))
                .header("Authorization", target.authorization())
                .method(request.getMethod(), bodyOf(request));
        String accept = request.getHeader("Accept");
        if (accept != null) {
            forward.header("Accept", accept);
        }
        String contentType = request.getContentType();
        if (contentType != null) {
            forward.header("Content-Type", contentType);
        }
        HttpResponse<InputStream> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase("www-authenticate")) {
                values.forEach(v -> response.addHeader(name, v));
            }
        });
        Optional<UnaryOperator<String>> rewrite = answer.statusCode() == HttpServletResponse.SC_OK
                ? DashboardRewrites.of(request.getRequestURI(), answer.headers().firstValue("Content-Type").orElse(null))
                : Optional.empty();
        if (rewrite.isPresent()) {
            try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
                out.write(rewrite.get().apply(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
            }
            return null;
        }
        try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush(); // server-sent events must reach the browser as they come
            }
        }
        return null; // written above
    }

    private static HttpRequest.BodyPublisher bodyOf(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        return body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    }
}
