package vn.laichau.hlg.tracker.unit;

/** The tiers of the administrative tree. */
public enum UnitLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE
}
