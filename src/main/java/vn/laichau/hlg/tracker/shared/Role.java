package vn.laichau.hlg.tracker.shared;

/** What an account may do; the scope (agency or unit) says where. */
public enum Role {
    ADMIN,
    PROVINCE_REVIEWER,
    DISTRICT_REVIEWER,
    REPORTER,
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
