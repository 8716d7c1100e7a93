package app.cascade.tenancy;

/**
 * A call for a district whose schema cannot be used on this node: its migration failed, or it did not finish in
 * time. The message is for support staff and users alike; it never carries PostgreSQL's own text.
 */
public class DistrictUnavailableException extends RuntimeException {

    private final String tenantId;

    public DistrictUnavailableException(String tenantId, String message) {
        super(message);
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
