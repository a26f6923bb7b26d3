package vn.laichau.hlg.tracker.shared;

/**
 * Something that belongs in the audit trail, published by any module and recorded by the audit module.
 *
 * @param kind      what happened, e.g. {@code ACCOUNT_CREATED}, {@code LOGIN_FAILED}
 * @param actor     the username of who did it ({@code null} for the system)
 * @param address   the client address, when it came from a request
 * @param target    what it happened to, e.g. {@code account:12}
 * @param oldValue  the state before, as readable text (may be null)
 * @param newValue  the state after, as readable text (may be null)
 */
public record AuditEvent(String kind, String actor, String address, String target, String oldValue, String newValue) {
}
