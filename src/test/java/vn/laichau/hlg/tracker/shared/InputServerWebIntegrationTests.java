package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.laichau.hlg.tracker.support.DemoBanner;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the real server cannot decode, or that repeats a field, gets the Vietnamese 400 page: the page
 * itself reads no parameter that failed, so it is never the server's own bare page.
 */
@IntegrationTest
class InputServerWebIntegrationTests {

    @RegisterExtension
    final DemoBanner demo = new DemoBanner();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void invalidUtf8InTheQueryGetsTheVietnamesePage() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/plan?q=%C3%28&lang=%C3%28"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertVietnamese400(response, "không đúng mã UTF-8");
    }

    @Test
    void invalidUtf8InAFormGetsTheVietnamesePage() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=%C3%28&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertVietnamese400(response, "không đúng mã UTF-8");
    }

    @Test
    void aFieldSentTwiceGetsTheVietnamesePage() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a&username=b&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertVietnamese400(response, "được gửi lên hai lần");
    }

    private static void assertVietnamese400(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Yêu cầu không hợp lệ", message, "lang=\"vi\"", "DỮ LIỆU MẪU")
                .doesNotContain("HTTP Status", "Exception", "Whitelabel", "??");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
