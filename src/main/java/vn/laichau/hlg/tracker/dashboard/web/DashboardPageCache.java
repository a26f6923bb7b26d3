package vn.laichau.hlg.tracker.dashboard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.shared.Role;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Rendered dashboard sections, kept until the data under them changes. A dashboard is read far more
 * often than reports are written, and rendering its tables costs several times what its SQL does, so
 * a page that nothing has changed since is served as it was rendered.
 *
 * <p>An entry is found only by everything the sections depend on: the data version (raised by every
 * committed change, migration V33), today's date (what is overdue), the unit, year, switch and page
 * asked for, the language, and the viewer's role and own unit (which decide the switch and whether the
 * unit above may be chosen). The scope check runs on every request before an entry is looked up; the
 * sections hold nothing of the session (their only form is a GET without a CSRF token). Each instance
 * keeps its own entries; the version lives in PostgreSQL, so instances never serve each other's stale
 * pages. {@code app.dashboard.page-cache-mb=0} turns it off.
 */
@Component
class DashboardPageCache {

    record Key(long version, LocalDate today, Role role, Long userUnit, long root, int year, boolean includeSubmitted,
               int page, Locale locale, String contextPath) {
    }

    private final Cache<Key, String> pages;

    DashboardPageCache(@Value("${app.dashboard.page-cache-mb:32}") long megabytes) {
        this.pages = megabytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024 * 1024 / 2)
                .weigher((Key key, String html) -> html.length())
                .build();
    }

    /** The sections for the key, rendered by {@code render} when they are not kept. */
    String get(Key key, Supplier<String> render) {
        return pages == null ? render.get() : pages.get(key, k -> render.get());
    }
}
