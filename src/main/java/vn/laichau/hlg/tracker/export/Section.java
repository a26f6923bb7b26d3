package vn.laichau.hlg.tracker.export;

/**
 * The parts of the consolidated report, in their order: the opening paragraph, sections I–VI and the
 * appendix of who has not reported. Each is drafted from the data and may be edited before issuing.
 */
public enum Section {
    OPENING(null),
    DIRECTION("export.docx.section.direction"),
    RESULTS("export.docx.section.results"),
    BUDGET("export.docx.section.budget"),
    ASSESSMENT("export.docx.section.assessment"),
    OUTLOOK("export.docx.section.outlook"),
    PROPOSALS("export.docx.section.proposals"),
    APPENDIX("export.docx.appendix");

    private final String heading;

    Section(String heading) {
        this.heading = heading;
    }

    /** The message key of the section's heading; the opening has none. */
    public String heading() {
        return heading;
    }
}
