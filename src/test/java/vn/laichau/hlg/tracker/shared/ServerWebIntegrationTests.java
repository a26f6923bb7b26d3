package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.laichau.hlg.tracker.support.DemoBanner;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser gets from the real server: headers, error pages and the health endpoint. */
@IntegrationTest
class ServerWebIntegrationTests {

    /** An address that fails, present only during each test of this class (the shared context has no such route). */
    static final String FAILING = "/plan/failure-for-tests";

    @RegisterExtension
    final DemoBanner demo = new DemoBanner();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private RequestMappingInfo failing;

    @BeforeEach
    void addTheFailingAddress() throws NoSuchMethodException {
        failing = RequestMappingInfo.paths(FAILING).methods(RequestMethod.GET).options(mappings.getBuilderConfiguration()).build();
        mappings.registerMapping(failing, new FailingController(), FailingController.class.getMethod("fail"));
    }

    @AfterEach
    void removeTheFailingAddress() {
        mappings.unregisterMapping(failing);
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoServerBanner() throws Exception {
        HttpResponse<String> response = get("/plan");

        assertThat(response.statusCode()).isEqualTo(200);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(response.body()).doesNotContain("<script>", "style=\"").contains("DỮ LIỆU MẪU");
    }

    @Test
    void healthSaysOnlyWhetherTheApplicationIsUp() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/env").statusCode()).isNotEqualTo(200);
    }

    @Test
    void anUnknownAddressGetsAVietnamesePage() throws Exception {
        HttpResponse<String> response = get("/plan/tasks/99");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy trang", "lang=\"vi\"").doesNotContain("Exception", "Whitelabel");
        assertThat(response.body()).as("the demo banner, on error pages too").contains("DỮ LIỆU MẪU");
        assertThat(response.body()).as("no message key left unresolved (the reason phrase is not one)")
                .doesNotContain("??", "Not Found");
    }

    @Test
    void aFailureGetsAVietnamesePageWithoutItsTechnicalDetail() throws Exception {
        HttpResponse<String> response = get(FAILING);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Hệ thống đang gặp sự cố")
                .doesNotContain("secret detail", "IllegalStateException", "at vn.laichau", "Whitelabel");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedWithAVietnamesePage() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/logout"))
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Bạn không có quyền xem trang này");
    }

    @Test
    void privatePagesSendAnonymousVisitorsToSignIn() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void behindTheTrustedTlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.7")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
    }

    @Test
    void theForwardedProtocolIsIgnoredFromAnAddressThatIsNotTheTrustedProxy() throws Exception {
        String ownAddress = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress).findFirst().orElse(null);
        Assumptions.assumeTrue(ownAddress != null,
                "this machine has no address besides the loopback to send an untrusted request from");

        // Sent to the machine's own network address, the request comes from that address, not the loopback.
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://" + ownAddress + ":" + port + "/login"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).doesNotContainIgnoringCase("secure");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aPlainRequestFromTheProxyGetsNoSecureCookie() throws Exception {
        HttpResponse<String> response = get("/login");

        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).doesNotContainIgnoringCase("secure");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Registered by hand for each test, never scanned. */
    public static class FailingController {

        @ResponseBody
        public String fail() {
            throw new IllegalStateException("secret detail");
        }
    }
}
