package vn.laichau.hlg.tracker.agency;

import java.io.Serial;
import java.util.Map;

/**
 * A change to an agency that breaks a rule; nothing was saved. Each error is a message key, keyed by the
 * form field it belongs next to.
 */
public class AgencyChangeRejected extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> errors;

    AgencyChangeRejected(Map<String, String> errors) {
        super(null, null, false, false);
        this.errors = Map.copyOf(errors);
    }

    /** Field name → message key. */
    public Map<String, String> errors() {
        return errors;
    }
}
