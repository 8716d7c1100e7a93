package app.cascade.security.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedHostsFilterTest {

    final AllowedHostsFilter filter = new AllowedHostsFilter("https://cascade.district.example/",
            List.of("cascade-internal", "Other.Example:8443", "https://third.example/x"));

    private int status(String serverName, String localAddr) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setServerName(serverName);
        request.setLocalAddr(localAddr);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest() != null).as("passed on").isEqualTo(response.getStatus() == 200);
        return response.getStatus();
    }

    @Test
    void the_base_url_host_the_allowed_hosts_and_loopback_pass() throws Exception {
        assertThat(filter.allowed()).contains("cascade.district.example", "cascade-internal", "other.example",
                "third.example", "localhost", "127.0.0.1", "::1");
        for (String host : List.of("cascade.district.example", "CASCADE.District.Example.", "cascade-internal",
                "other.example", "localhost", "127.0.0.1", "[::1]")) {
            assertThat(status(host, "10.1.2.3")).as(host).isEqualTo(200);
        }
    }

    @Test
    void the_address_the_request_arrived_on_passes_as_a_host() throws Exception {
        assertThat(status("10.1.2.3", "10.1.2.3")).isEqualTo(200);
    }

    @Test
    void any_other_host_is_refused_with_400_and_a_short_text() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setServerName("evil.example");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(response.getContentAsString()).startsWith("Unknown host").doesNotContain("evil");
        assertThat(response.getHeader("Location")).isNull();
        assertThat(status("cascade.district.example.evil.example", "10.1.2.3")).isEqualTo(400);
    }

    @Test
    void a_setting_without_a_host_is_refused_naming_it() {
        assertThatThrownBy(() -> new AllowedHostsFilter("not a url", List.of()))
                .hasMessageStartingWith("cascade.base-url");
        assertThatThrownBy(() -> new AllowedHostsFilter("http://localhost:8080", List.of("http://")))
                .hasMessageStartingWith("cascade.security.allowed-hosts");
    }
}
