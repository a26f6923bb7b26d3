package vn.laichau.hlg.tracker.plan;

/**
 * What an assignment names: one agency, every agency of a kind (at one level, or at every level), or
 * only words ("Các cơ quan, đơn vị, địa phương, tổ chức có liên quan") that stand for no agency in
 * particular.
 */
public enum PartyType {
    AGENCY,
    KIND,
    TEXT
}
