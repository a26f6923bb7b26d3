package vn.laichau.hlg.tracker.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.ui.Model;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The entity tag of a dashboard page: everything the whole page depends on, hashed. The sections
 * depend on what {@link DashboardPageCache.Key} holds (data version, today, scope root, year, switch,
 * page, language, role and own unit); the page around them on the account (its name is on the sign-out
 * button), the unread-notification badge, and the session, whose CSRF token the sign-out form carries.
 * Any of these changing gives another tag, so a 304 is only ever answered for the very page the
 * browser already holds. The session id is hashed with the rest and never shown.
 */
final class DashboardETag {

    private static final String[] FLASH = {"flashSuccess", "flashWarning", "flashError"};

    private DashboardETag() {
    }

    static String of(DashboardPageCache.Key key, CurrentUser user, HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            throw new IllegalStateException("A dashboard without a session has no tag");
        }
        String text = String.join("|",
                String.valueOf(key),
                String.valueOf(user.id()), user.getUsername(), String.valueOf(user.unitId()),
                String.valueOf(model.getAttribute("unreadNotifications")),
                session.getId());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            // Weak: the same page compressed or not is the same page.
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the page shows a message carried over a redirect (it is shown once, so never a 304). */
    static boolean carriesFlash(Model model) {
        for (String name : FLASH) {
            if (model.getAttribute(name) != null) {
                return true;
            }
        }
        return false;
    }
}
