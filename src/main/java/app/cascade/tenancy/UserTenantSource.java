package app.cascade.tenancy;

import java.util.Optional;

/**
 * Where the tenant of an interactive call comes from: the authenticated user. Implemented by the security feature;
 * consulted on every tenant resolution (HTTP request, Vaadin websocket push, {@code UI.access}).
 */
public interface UserTenantSource {

    Optional<String> currentTenantId();
}
