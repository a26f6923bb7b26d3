package vn.laichau.hlg.tracker.reorganisation;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Preview;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Row;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.YearChange;
import vn.laichau.hlg.tracker.shared.CsvRows.Problem;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.AdminRequests.admin;

/**
 * The reorganisation import: bad rows answered row by row with nothing saved; a merger of two communes
 * from 1/1/2027 whose preview lists exactly the obligations that applying makes appear and disappear, and
 * that leaves every figure of 2024 as it was. Applying joins the test's transaction, which rolls back;
 * the preview runs in a transaction of its own and is rolled back whatever happens.
 */
@IntegrationTest
@Transactional
class ReorganisationImportIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    /** Bản Bo and Khun Há (both formerly of huyện Tam Đường) merged into a new commune from 1/1/2027. */
    static final String MERGER = """
            thao_tac,ngay_hieu_luc,ma,ten,cap,loai,ma_don_vi,ma_ke_thua
            mo_don_vi,01/01/2027,99001,Xã Bản Bo Khun Há,COMMUNE,,12,
            mo_co_quan,01/01/2027,UBND-XA-BAN-BO-KHUN-HA,UBND xã Bản Bo Khun Há,,UBND,99001,
            dong_don_vi,01/01/2027,03424,,,,,99001
            dong_don_vi,01/01/2027,03430,,,,,99001
            """;

    /** Every figure of a year that the dashboards and exports are made of, as comparable lines. */
    private static final Map<String, String> FIGURES = Map.of(
            "obligations", """
                    select a.code || ' ' || t.code from obligation o join agency a on a.id = o.agency_id
                    join task t on t.id = o.task_id where o.year = ? order by 1""",
            "tallies", """
                    select u.code || ' ' || d.subtree || ' ' || k.code || ' ' || t.code || ' ' || d.owed || ' ' || d.handed_in
                           || ' ' || d.approved || ' ' || d.on_time || ' ' || d.planned_approved || ' ' || d.spent_approved
                    from dashboard_tally d join administrative_unit u on u.id = d.unit_id
                    join agency_kind k on k.id = d.kind_id join task t on t.id = d.task_id
                    where d.year = ? and (d.owed > 0 or d.handed_in > 0) order by 1""",
            "reports", """
                    select a.code || ' ' || t.code || ' ' || r.status || ' ' || coalesce(r.budget_spent::text, '-')
                    from progress_report r join agency a on a.id = r.agency_id join task t on t.id = r.task_id
                    where r.year = ? order by 1""");

    @Autowired
    ReorganisationService reorganisation;

    @Autowired
    ObligationService obligations;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    /** Outside the test's transaction, so that what the import rolls back is really gone. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void badRowsAreAnsweredRowByRowAndNothingIsSaved() {
        String csv = """
                thao_tac,ngay_hieu_luc,ma,ten,cap,loai,ma_don_vi,ma_ke_thua
                mo_don_vi,01/01/2027,99011,Xã Cha Lạ,COMMUNE,,KHONG-CO,
                dong_don_vi,01/01/2027,03424,,,,,109
                dong_don_vi,01/01/2027,106,,,,,03390
                dong_don_vi,01/01/2027,03430,,,,,03405
                dong_don_vi,01/01/2027,03405,,,,,03430
                mo_co_quan,01/01/2027,UBND-LA,UBND Lạ,,KHONG_CO,03390,
                mo_don_vi,02/01/2027,99012,Xã Khác Ngày,COMMUNE,,12,
                pha_bo,01/01/2027,03390,,,,,
                mo_don_vi,01/01/2027,99013,Xã Đúng,COMMUNE,,12,
                """;
        int units = count("administrative_unit");
        int agencies = count("agency");
        int audit = count("audit_entry");

        Preview preview = reorganisation.apply(bytes(csv), "admin", "127.0.0.1");

        assertThat(preview.saveable()).isFalse();
        Map<Long, List<String>> problems = problemsByLine(preview);
        assertThat(problems.get(2L)).containsExactly("admin.reorganisation.error.parentUnknown KHONG-CO");
        assertThat(problems.get(3L)).containsExactly("admin.reorganisation.error.successorClosedBefore 109 (01/07/2025)");
        assertThat(problems.get(4L)).containsExactly("admin.units.error.alreadyClosed");
        assertThat(problems.get(5L)).isEmpty();
        assertThat(problems.get(6L)).containsExactly("admin.reorganisation.error.successorCycle 03430");
        assertThat(problems.get(7L)).containsExactly("admin.reorganisation.error.kindUnknown KHONG_CO");
        assertThat(problems.get(8L)).containsExactly("admin.reorganisation.error.dayDiffers 01/01/2027");
        assertThat(problems.get(9L)).containsExactly("admin.reorganisation.error.actionUnknown pha_bo");
        assertThat(problems.get(10L)).isEmpty();
        assertThat(preview.changes()).isEmpty();
        // nothing saved, not even the rows without problems, and nothing written to the audit trail
        assertThat(count("administrative_unit")).isEqualTo(units);
        assertThat(count("agency")).isEqualTo(agencies);
        assertThat(count("audit_entry")).isEqualTo(audit);
        assertThat(jdbc.queryForObject("select closed_on from administrative_unit where code = '03430'", java.sql.Date.class)).isNull();
    }

    @Test
    void thePreviewListsExactlyWhatApplyingChangesAndTheYear2024StaysAsItWas() {
        // Committed before the test's own transaction writes anything: the preview runs in a transaction of its
        // own and would otherwise wait for rows this one had just written.
        TransactionTemplate committed = new TransactionTemplate(transactions);
        committed.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        committed.executeWithoutResult(status -> obligations.refresh());
        Map<String, List<String>> figures2024 = figuresOf(2024);
        Map<String, List<String>> figures2026 = figuresOf(2026);
        assertThat(figures2024.get("obligations")).isNotEmpty();
        Map<Integer, Set<String>> before = obligationsFrom(2025);

        Preview preview = reorganisation.preview(bytes(MERGER));
        assertThat(preview.saveable()).isTrue();
        // the preview was rolled back: nothing of it is in the database
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit where code = '99001'", Integer.class)).isZero();
        assertThat(obligationsFrom(2025)).isEqualTo(before);

        Preview applied = reorganisation.apply(bytes(MERGER), "admin", "127.0.0.1");
        assertThat(applied.saveable()).isTrue();
        Map<Integer, Set<String>> after = obligationsFrom(2025);

        Map<Integer, Set<String>> appeared = new TreeMap<>();
        Map<Integer, Set<String>> disappeared = new TreeMap<>();
        for (int year = 2025; year <= 2030; year++) {
            Set<String> now = after.getOrDefault(year, Set.of());
            Set<String> was = before.getOrDefault(year, Set.of());
            Set<String> in = new HashSet<>(now);
            in.removeAll(was);
            Set<String> out = new HashSet<>(was);
            out.removeAll(now);
            if (!in.isEmpty()) {
                appeared.put(year, in);
            }
            if (!out.isEmpty()) {
                disappeared.put(year, out);
            }
        }
        assertThat(listed(preview, true)).isEqualTo(appeared).isEqualTo(listed(applied, true));
        assertThat(listed(preview, false)).isEqualTo(disappeared).isEqualTo(listed(applied, false));

        // 2027: the new commune owes task 1; the two old communes only for their last days (15–31/12/2026).
        assertThat(appeared.get(2027)).contains("UBND-XA-BAN-BO-KHUN-HA 1");
        assertThat(after.get(2027)).contains("UBND-XA-BAN-BO 1", "UBND-XA-KHUN-HA 1");
        // from 2028 on the old communes owe nothing, the new one owes what they did
        for (int year = 2028; year <= 2030; year++) {
            assertThat(after.getOrDefault(year, Set.of())).noneMatch(line -> line.startsWith("UBND-XA-BAN-BO ")
                    || line.startsWith("UBND-XA-KHUN-HA "));
            assertThat(disappeared.get(year)).contains("UBND-XA-BAN-BO 1", "UBND-XA-KHUN-HA 1");
            assertThat(appeared.get(year)).contains("UBND-XA-BAN-BO-KHUN-HA 1");
        }
        assertThat(appeared.keySet()).allMatch(year -> year >= 2027);
        assertThat(disappeared.keySet()).allMatch(year -> year >= 2027);

        // nothing of an earlier period changed
        assertThat(figuresOf(2024)).isEqualTo(figures2024);
        assertThat(figuresOf(2026)).isEqualTo(figures2026);

        // the structure is dated and the successors are recorded for scopes
        assertThat(jdbc.queryForList("""
                select u.code || ' ' || u.closed_on || ' ' || s.code from unit_successor l
                join administrative_unit u on u.id = l.unit_id join administrative_unit s on s.id = l.successor_id
                where s.code = '99001' order by 1""", String.class))
                .containsExactly("03424 2027-01-01 99001", "03430 2027-01-01 99001");
        assertThat(jdbc.queryForList("select code || ' ' || closed_on from agency where code in ('UBND-XA-BAN-BO', 'UBND-XA-KHUN-HA') order by 1",
                String.class)).containsExactly("UBND-XA-BAN-BO 2027-01-01", "UBND-XA-KHUN-HA 2027-01-01");
        // Each closing names its successor as it closes (the successor is in the closing's own audit entry).
        assertThat(jdbc.queryForList("select kind from audit_entry where kind like 'REORGANISATION%' or kind like 'UNIT_CLOSED%'",
                String.class)).contains("REORGANISATION_APPLIED", "UNIT_CLOSED");
        // the agencies that close with their unit are said so on the preview
        assertThat(preview.rows().get(2).effects()).containsExactly(
                new Problem("admin.reorganisation.effect.agencyClosed", "UBND xã Bản Bo"));
    }

    @Test
    void anAdministratorPreviewsAndAppliesThroughThePages() throws Exception {
        MvcResult uploaded = mvc.perform(multipart("/admin/reorganisation")
                        .file(new MockMultipartFile("file", "sap-xep.csv", "text/csv", bytes(MERGER)))
                        .with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/reorganisation/preview")).andReturn();
        Cookie session = uploaded.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        String page = mvc.perform(get("/admin/reorganisation/preview").with(admin()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Năm 2027:"), containsString("UBND xã Bản Bo Khun Há — nhiệm vụ 1"),
                        containsString("Đóng cùng đơn vị: UBND xã Bản Bo."))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit where code = '99001'", Integer.class)).isZero();

        mvc.perform(post("/admin/reorganisation/confirm").param("token", token.group(1)).with(admin()).with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/admin/units"));
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit where code = '99001' and opened_on = '2027-01-01'",
                Integer.class)).isEqualTo(1);
        // the upload was used up
        mvc.perform(post("/admin/reorganisation/confirm").param("token", token.group(1)).with(admin()).with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/admin/reorganisation"));
    }

    @Test
    void hostileValuesAreAnsweredOnThePreviewNeverWithAServerError() throws Exception {
        String huge = "X".repeat(100_000);
        String csv = "thao_tac,ngay_hieu_luc,ma,ten,cap,loai,ma_don_vi,ma_ke_thua\n"
                + "mo_don_vi,01/01/2027," + huge + ",Xã \u0000Lạ 😀,COMMUNE,,12,\n"
                + "mo_co_quan,01/01/2027,UBND-LA,UBND " + huge + ",,UBND,03390,\n"
                + "dong_don_vi,31/12/9999,03390,,,,,'; drop table agency; --\n"
                + "mo_don_vi,01/01/2027,99021,<script>x</script>,xa,,12,\n";
        MvcResult uploaded = mvc.perform(multipart("/admin/reorganisation")
                        .file(new MockMultipartFile("file", "xau.csv", "text/csv", bytes(csv)))
                        .with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/reorganisation/preview")).andReturn();
        mvc.perform(get("/admin/reorganisation/preview").with(admin()).cookie(uploaded.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mã đơn vị không được dài quá 20 ký tự."),
                        containsString("Mọi dòng phải cùng một ngày hiệu lực (01/01/2027)."),
                        containsString("&lt;script&gt;x&lt;/script&gt;"))));
        assertThat(jdbc.queryForObject("select count(*) from agency where code = 'UBND-LA'", Integer.class)).isZero();
    }

    private Map<String, List<String>> figuresOf(int year) {
        Map<String, List<String>> figures = new LinkedHashMap<>();
        FIGURES.forEach((name, sql) -> figures.put(name, jdbc.queryForList(sql, String.class, year)));
        return figures;
    }

    private Map<Integer, Set<String>> obligationsFrom(int year) {
        Map<Integer, Set<String>> byYear = new TreeMap<>();
        jdbc.query("""
                select o.year, a.code || ' ' || t.code from obligation o join agency a on a.id = o.agency_id
                join task t on t.id = o.task_id where o.year >= ?""", row -> {
            byYear.computeIfAbsent(row.getInt(1), y -> new HashSet<>()).add(row.getString(2));
        }, year);
        return byYear;
    }

    private static Map<Integer, Set<String>> listed(Preview preview, boolean appear) {
        Map<Integer, Set<String>> byYear = new TreeMap<>();
        for (YearChange change : preview.changes()) {
            Set<String> lines = new HashSet<>();
            (appear ? change.appear() : change.disappear()).forEach(o -> lines.add(o.agencyCode() + " " + o.taskCode()));
            if (!lines.isEmpty()) {
                byYear.put(change.year(), lines);
            }
        }
        return byYear;
    }

    private static Map<Long, List<String>> problemsByLine(Preview preview) {
        Map<Long, List<String>> byLine = new TreeMap<>();
        for (Row row : preview.rows()) {
            List<String> lines = new ArrayList<>();
            row.problems().forEach(p -> lines.add(p.argument() == null ? p.key() : p.key() + " " + p.argument()));
            byLine.put(row.line(), lines);
        }
        return byLine;
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
