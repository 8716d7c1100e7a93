package app.cascade.catalog;

import app.cascade.ApiClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks a paged list of the API by its {@code Link: <…>; rel="next"} headers, as a script would. */
final class ApiPages {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private ApiPages() {
    }

    /** The pages of {@code path}, each the JSON array of one page, following the next links to the last page. */
    static List<List<JsonNode>> walk(ApiClient api, String user, String path) {
        List<List<JsonNode>> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            ResponseEntity<String> response = api.get(user, next);
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            List<JsonNode> page = new ArrayList<>();
            api.json(response.getBody()).forEach(page::add);
            pages.add(page);
            next = next(response);
            assertThat(pages).as("a list that never ends").hasSizeLessThan(100);
        }
        return pages;
    }

    /** The path and query of the next page's URL, or null on the last page. */
    static String next(ResponseEntity<String> response) {
        String link = response.getHeaders().getFirst(HttpHeaders.LINK);
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        URI uri = URI.create(matcher.group(1));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** The values of {@code field} over all pages, in order. */
    static List<String> field(List<List<JsonNode>> pages, String field) {
        return pages.stream().flatMap(List::stream).map(n -> n.get(field).asString()).toList();
    }
}
