package vn.laichau.hlg.tracker.plan;

/** Cơ quan chủ trì (lead) or cơ quan phối hợp (coordinating). */
public enum AssignmentRole {
    LEAD,
    COORDINATING
}
