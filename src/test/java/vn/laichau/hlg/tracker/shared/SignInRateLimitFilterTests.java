package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRateLimitFilterTests {

    private final SignInRateLimitFilter filter = new SignInRateLimitFilter(3);

    @Test
    void oneAddressIsSlowedAfterItsAttemptsWhileAnotherIsNot() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(attempt("203.0.113.7", "/login")).isEqualTo(200);
        }
        assertThat(attempt("203.0.113.7", "/login")).isEqualTo(429);
        assertThat(attempt("203.0.113.7", "/login/totp")).isEqualTo(429);
        assertThat(attempt("198.51.100.2", "/login")).isEqualTo(200);
    }

    @Test
    void onlySignInPostsAreCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
            request.setRemoteAddr("203.0.113.9");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private int attempt(String address, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
