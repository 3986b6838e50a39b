package dev.bookrental.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;

class ForwardedServerUrlTests {

    private final ForwardedServerUrl customizer = new ForwardedServerUrl();

    @Test
    void keepsTheServiceItselfWhenCalledDirectly() {
        assertThat(customizer.customize("http://127.0.0.1:8101", request())).isEqualTo("http://127.0.0.1:8101");
    }

    @Test
    void namesTheGatewayFromTheHeadersSpringCloudGatewaySends() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v3/api-docs");
        request.addHeader("X-Forwarded-Host", "localhost:8080");
        request.addHeader("X-Forwarded-Port", "8080");
        request.addHeader("X-Forwarded-Proto", "http");

        assertThat(customizer.customize("http://127.0.0.1:8101", new ServletServerHttpRequest(request)))
                .isEqualTo("http://localhost:8080");
    }

    @Test
    void namesAnHttpsEntryOnItsDefaultPort() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v3/api-docs");
        request.addHeader("X-Forwarded-Host", "books.example.org");
        request.addHeader("X-Forwarded-Proto", "https");

        assertThat(customizer.customize("http://10.0.0.7:8101", new ServletServerHttpRequest(request)))
                .isEqualTo("https://books.example.org");
    }

    @Test
    void keepsTheGivenUrlWithoutARequest() {
        assertThat(customizer.customize("http://127.0.0.1:8101", null)).isEqualTo("http://127.0.0.1:8101");
    }

    private static ServletServerHttpRequest request() {
        return new ServletServerHttpRequest(new MockHttpServletRequest("GET", "/v3/api-docs"));
    }
}
