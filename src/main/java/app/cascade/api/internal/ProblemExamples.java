package app.cascade.api.internal;

/**
 * The problem examples of the OpenAPI document ({@code components/examples}, referenced by {@link
 * app.cascade.api.ProblemResponses} and {@link CommonResponses}): what the API answers in each case, word for word but
 * for ids.
 */
final class ProblemExamples {

    static final String BAD_FIELD = """
            {"type": "https://cascade.app/problems/invalid-request", "title": "Invalid request", "status": 400,
             "detail": "limit: must be between 1 and 500, was 0", "instance": "/api/v1/pushes", "field": "limit"}
            """;
    static final String FORBIDDEN = """
            {"type": "https://cascade.app/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role in this district does not allow this action", "instance": "/api/v1/pushes"}
            """;
    static final String NOT_YOUR_DISTRICT = """
            {"type": "https://cascade.app/problems/not-your-district", "title": "Not your district",
             "status": 403, "detail": "\\"cedar\\" is not one of your districts (lakeside): the X-Cascade-District \
            header must name one of them", "instance": "/api/v1/pushes"}
            """;
    static final String NOT_FOUND = """
            {"type": "https://cascade.app/problems/push-request-not-found", "title": "Push request not found",
             "status": 404, "detail": "No push request 0f8fad5b-d9cb-469f-a165-70867728950e",
             "instance": "/api/v1/pushes/0f8fad5b-d9cb-469f-a165-70867728950e"}
            """;
    static final String TOO_LARGE = """
            {"type": "https://cascade.app/problems/body-too-large", "title": "Request body too large",
             "status": 413, "detail": "The request body is larger than the limit of 65536 bytes (64 KB)",
             "instance": "/api/v1/pushes", "limit": 65536}
            """;
    static final String SERVER_ERROR = """
            {"type": "https://cascade.app/problems/server-error", "title": "Server error", "status": 500,
             "detail": "The server failed to handle this request. Quote correlation id 6f1c2a9e0b7d4c31 when you \
            report it", "instance": "/api/v1/pushes", "correlationId": "6f1c2a9e0b7d4c31"}
            """;
    static final String UNAVAILABLE = """
            {"type": "https://cascade.app/problems/unavailable", "title": "Service unavailable", "status": 503,
             "detail": "The database cannot be reached right now; try again later", "instance": "/api/v1/pushes",
             "retryAfterSeconds": 10, "correlationId": "6f1c2a9e0b7d4c31"}
            """;

    private ProblemExamples() {
    }
}
