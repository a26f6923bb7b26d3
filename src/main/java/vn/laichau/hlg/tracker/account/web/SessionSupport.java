package vn.laichau.hlg.tracker.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import vn.laichau.hlg.tracker.shared.CurrentUser;

/** Replaces the signed-in principal in the session after the account changed (password, second factor). */
final class SessionSupport {

    private static final SecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private SessionSupport() {
    }

    static void replacePrincipal(CurrentUser updated, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        REPOSITORY.saveContext(context, request, response);
    }
}
