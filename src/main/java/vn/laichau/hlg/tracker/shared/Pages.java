package vn.laichau.hlg.tracker.shared;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import java.util.function.Function;

/**
 * A page number as typed in an address, made one that exists: below the first page shows the first,
 * past the last shows the last (never an offset that overflows or an empty table).
 */
public final class Pages {

    /** Far beyond any list here, and small enough that page × size never overflows an int offset. */
    static final int MAX_PAGE = 100_000;

    private Pages() {
    }

    public static <T> Page<T> clamped(int requested, int size, Function<Pageable, Page<T>> query) {
        int page = Math.max(0, Math.min(requested, MAX_PAGE));
        Page<T> found = query.apply(PageRequest.of(page, size));
        if (page > 0 && page >= found.getTotalPages()) {
            found = query.apply(PageRequest.of(Math.max(found.getTotalPages() - 1, 0), size));
        }
        return found;
    }
}
