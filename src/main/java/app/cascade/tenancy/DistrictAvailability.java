package app.cascade.tenancy;

/**
 * One district's {@link DistrictState} on this node.
 *
 * @param reason why it is unavailable (what its migration reported), else null
 */
public record DistrictAvailability(String tenantId, DistrictState state, String reason) {

    public static DistrictAvailability ready(String tenantId) {
        return new DistrictAvailability(tenantId, DistrictState.READY, null);
    }
}
