package vn.laichau.hlg.tracker.account.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The application's address for links sent by e-mail: {@code app.base-url} when set (the address people
 * use, in front of the TLS proxy), otherwise the address of the request that sends the mail.
 */
@Component
class EmailLinks {

    private final String configured;

    EmailLinks(@Value("${app.base-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    String base() {
        return configured.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : configured;
    }
}
