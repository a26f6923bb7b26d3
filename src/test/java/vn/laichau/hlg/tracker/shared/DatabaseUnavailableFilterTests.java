package vn.laichau.hlg.tracker.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a visitor gets when the database is away, whichever filter or controller noticed it first. */
class DatabaseUnavailableFilterTests {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(messages());

    @Test
    void aSessionThatCannotBeLoadedGivesTheVietnamese503PageAtOnce() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        // As Spring Session's filter fails when its table cannot be read.
        filter.doFilter(new MockHttpServletRequest("GET", "/reports"), response, (request, ignored) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("embedded - Connection is not available, request timed out after 5000ms"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString())
                .contains("lang=\"vi\"", "Hệ thống tạm thời chưa kết nối được cơ sở dữ liệu", "Vui lòng thử lại sau ít giây")
                .doesNotContain("HTTP Status", "Exception", "5000ms", "embedded");
    }

    @Test
    void aTransactionThatCannotStartIsTheSame() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("POST", "/reports/1"), response, (request, ignored) -> {
            throw new ServletException(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void otherFailuresGoOnToTheApplicationsErrorPage() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/plan"), new MockHttpServletResponse(),
                (request, ignored) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErrorPageThatCannotBeShownGivesTheVietnameseErrorText() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (ignored, alsoIgnored) -> {
            throw new IllegalStateException("the error page failed too");
        });

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("Hệ thống đang gặp sự cố").doesNotContain("HTTP Status", "failed too");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
