package vn.laichau.hlg.tracker.shared;

/** Names of what the sign-in keeps in the session. */
public final class SignInSession {

    /** Set while the authenticator code is still to be given after the password. */
    public static final String SECOND_FACTOR_PENDING = "signin.secondFactorPending";
    /** Wrong second-factor codes given in this session so far. */
    public static final String SECOND_FACTOR_FAILURES = "signin.secondFactorFailures";
    /** Where and with what the session was opened, for the user's list of their sessions. */
    public static final String ADDRESS = "signin.address";
    public static final String USER_AGENT = "signin.userAgent";
    public static final String AT = "signin.at";

    private SignInSession() {
    }
}
