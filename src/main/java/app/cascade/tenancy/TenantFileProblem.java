package app.cascade.tenancy;

import java.time.Instant;

/**
 * A tenant file that the running node could not take: it was left out, and the district it names (if registered)
 * keeps its previous file's settings. For the log and the Support view.
 *
 * @param field the field at fault, or null when the file as a whole is (unreadable YAML, a duplicate)
 */
public record TenantFileProblem(String file, String field, String message, Instant seenAt) {
}
