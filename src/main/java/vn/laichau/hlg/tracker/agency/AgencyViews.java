package vn.laichau.hlg.tracker.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** What the agency administration pages show and send. */
public final class AgencyViews {

    private AgencyViews() {
    }

    /** A kind of agency, for choosing one. */
    public record Kind(long id, String code, String name) {
    }

    /** Which agencies a list shows; {@code null} means "any". */
    public record Filter(String text, Long kindId, Long unitId, Status status) {
    }

    /** Open or closed as of today. */
    public enum Status {
        ALL,
        OPEN,
        CLOSED
    }

    /**
     * One line of the agency list.
     *
     * @param unitClosedOn when the agency's unit closed, if it did: an agency still open there needs the
     *                     administrator's attention (close it or move it)
     */
    public record ListItem(long id, String code, String name, String kindName, long unitId, String unitCode,
                           String unitName, LocalDate openedOn, LocalDate closedOn, LocalDate unitClosedOn) {

        public boolean closed() {
            return closedOn != null;
        }

        /** Still open although its unit has closed. */
        public boolean inClosedUnit() {
            return unitClosedOn != null && (closedOn == null || closedOn.isAfter(unitClosedOn));
        }
    }

    /** An agency with what its edit and close forms need. */
    public record Details(long id, String code, String name, long kindId, long unitId, String unitName,
                          LocalDate openedOn, LocalDate closedOn, long version) {

        public boolean closed() {
            return closedOn != null;
        }
    }

    /**
     * An agency as the administrator (or a reorganisation file) describes it, to add or to change. The
     * constraints are the rules that need no database; {@code AgencyService} checks them together with
     * the rest, so that every error comes back at once. Code and name are held without surrounding spaces.
     */
    public record AgencyData(
            @NotBlank(message = "{admin.agencies.error.codeRequired}")
            @Size(max = AgencyService.MAX_CODE_LENGTH, message = "{admin.agencies.error.codeTooLong}") String code,
            @NotBlank(message = "{admin.agencies.error.nameRequired}")
            @Size(max = AgencyService.MAX_NAME_LENGTH, message = "{admin.agencies.error.nameTooLong}") String name,
            @NotNull(message = "{admin.agencies.error.kindRequired}") Long kindId,
            @NotNull(message = "{admin.agencies.error.unitRequired}") Long unitId,
            @NotNull(message = "{admin.agencies.error.openedOnRequired}") LocalDate openedOn) {

        public AgencyData {
            code = code == null ? "" : code.strip();
            name = name == null ? "" : name.strip();
        }
    }

    /** A message key with at most one argument. */
    public record Problem(String key, String argument) {

        static Problem of(String key) {
            return new Problem(key, null);
        }
    }

    /** One data row of an import file as read, with everything wrong with it. */
    public record ImportRow(long line, String code, String name, String kindCode, String unitCode, String openedOn,
                            List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** What an import file would add: every row with its problems, and problems of the file as a whole. */
    public record ImportPreview(List<Problem> fileProblems, List<ImportRow> rows) {

        public boolean saveable() {
            return fileProblems.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(ImportRow::valid);
        }

        public long invalidRowCount() {
            return rows.stream().filter(row -> !row.valid()).count();
        }
    }
}
