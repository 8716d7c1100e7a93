package app.cascade.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @BeforeEach
    void request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/things");
        request.setQueryString("status=FAILED&limit=2");
        request.addParameter("status", "FAILED");
        request.addParameter("limit", "2");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_page_with_an_item_more_than_its_limit_links_to_the_next_page_and_keeps_the_filters() {
        var page = Paging.of(2, null).respond(List.of("a", "b", "c"));

        assertThat(page.getBody()).containsExactly("a", "b");
        String link = page.getHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).contains("status=FAILED").contains("limit=2").endsWith(">; rel=\"next\"");
        String cursor = link.replaceAll(".*cursor=([^&>]+).*", "$1");
        assertThat(Paging.of(2, cursor).offset()).isEqualTo(2);
    }

    @Test
    void the_last_page_has_no_next_link() {
        var page = Paging.of(2, Paging.encode("o2")).respond(List.of("c", "d"));

        assertThat(page.getBody()).containsExactly("c", "d");
        assertThat(page.getHeaders().containsHeader(HttpHeaders.LINK)).isFalse();
    }

    @Test
    void a_limit_out_of_range_or_a_foreign_cursor_is_refused_naming_the_parameter() {
        assertThat(Paging.of(null, null).limit()).isEqualTo(Paging.DEFAULT_LIMIT);
        assertThatThrownBy(() -> Paging.of(0, null)).isInstanceOf(BadParameterException.class)
                .extracting(e -> ((BadParameterException) e).field()).isEqualTo("limit");
        assertThatThrownBy(() -> Paging.of(501, null)).hasMessageStartingWith("limit");
        assertThatThrownBy(() -> Paging.of(10, "not base64 !").offset()).hasMessageStartingWith("cursor");
        assertThatThrownBy(() -> Paging.of(10, Paging.encode("k2026")).offset()).hasMessageStartingWith("cursor");
    }

    @Test
    void a_report_is_csv_unless_the_client_prefers_pdf_or_json() {
        assertThat(ReportFormat.of(MediaType.parseMediaTypes("*/*"))).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.of(List.of())).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.of(MediaType.parseMediaTypes("application/json"))).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.of(MediaType.parseMediaTypes("application/pdf, */*"))).isEqualTo(ReportFormat.PDF);
        assertThat(ReportFormat.of(MediaType.parseMediaTypes("text/*"))).isEqualTo(ReportFormat.CSV);
    }

    @Test
    void a_short_list_read_whole_is_cut_into_the_same_pages() {
        List<Integer> whole = List.of(1, 2, 3, 4, 5);

        var first = Paging.of(2, null).respondFrom(whole);
        String cursor = first.getHeaders().getFirst(HttpHeaders.LINK).replaceAll(".*cursor=([^&>]+).*", "$1");
        var second = Paging.of(2, cursor).respondFrom(whole);
        var last = Paging.of(2, Paging.encode("o4")).respondFrom(whole);

        assertThat(first.getBody()).containsExactly(1, 2);
        assertThat(second.getBody()).containsExactly(3, 4);
        assertThat(last.getBody()).containsExactly(5);
        assertThat(last.getHeaders().containsHeader(HttpHeaders.LINK)).isFalse();
        assertThat(Paging.of(2, Paging.encode("o9")).respondFrom(whole).getBody()).isEmpty();
    }
}
