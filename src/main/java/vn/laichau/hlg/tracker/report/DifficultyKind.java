package vn.laichau.hlg.tracker.report;

/** An item drawn from a report's difficulties or from its proposals. */
public enum DifficultyKind {
    DIFFICULTY,
    PROPOSAL
}
