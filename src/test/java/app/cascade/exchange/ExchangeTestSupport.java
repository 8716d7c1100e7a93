package app.cascade.exchange;

import app.cascade.security.DistrictAuthorities;
import app.cascade.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Signing in as a district user, and a full snapshot of a district's tables, for the exchange ITs. */
final class ExchangeTestSupport {

    /** Every table of db/district, parents first. */
    static final List<String> DISTRICT_TABLES = List.of("school_year", "course_catalog", "catalog_lock", "school",
            "calendar", "term", "course_master", "master_item", "course", "course_item", "section", "section_item",
            "assignment", "score", "assignment_comment", "posted_grade");

    private ExchangeTestSupport() {
    }

    /** Signs in like a dev user of {@code district}: role authorities plus the district membership. */
    static void signIn(String username, String district, String... roles) {
        Set<GrantedAuthority> authorities = new HashSet<>(DistrictAuthorities.forRoles(List.of(roles)));
        if (district != null) {
            authorities.add(DistrictAuthorities.member(district));
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        SecurityContextHolder.setContext(context);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Every row of every district table, as PostgreSQL's row text, sorted: equal snapshots mean equal tables. */
    static Map<String, List<String>> snapshot(String district, JdbcTemplate jdbc, TransactionTemplate tx) {
        return TenantContext.call(district, () -> tx.execute(status -> {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String table : DISTRICT_TABLES) {
                tables.put(table, jdbc.queryForList("select t::text from " + table + " t order by 1", String.class));
            }
            return tables;
        }));
    }

    static int rows(Map<String, List<String>> snapshot) {
        return snapshot.values().stream().mapToInt(List::size).sum();
    }
}
