package vn.laichau.hlg.tracker.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.laichau.hlg.tracker.plan.PlanDocument.Item;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded plan, task by task, against the text of the document itself. */
@IntegrationTest
class PlanSeedIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    private final List<Item> document = PlanDocument.sectionTwo();

    @Test
    void theDocumentHasElevenGroupsAndSixteenLeafTasks() {
        assertThat(document.stream().filter(item -> !item.code().contains("."))).hasSize(11);
        assertThat(document.stream().filter(Item::isLeaf)).hasSize(16);
    }

    @Test
    void everyGroupTitleIsVerbatim() {
        Map<String, String> seeded = jdbc.query("select code, title from task_group order by position",
                        (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Item> groups = document.stream().filter(item -> !item.code().contains(".")).toList();
        assertThat(seeded).hasSize(groups.size());
        for (Item group : groups) {
            assertThat(seeded.get(group.code())).as("group %s", group.code()).isEqualTo(group.title());
        }
    }

    @Test
    void everyLeafTaskIsVerbatimWithItsPartiesAndTimeline() {
        List<Map<String, Object>> tasks = jdbc.queryForList("""
                select t.code, t.title, t.description, t.lead_wording, t.coordinating_wording, t.timeline_wording, g.code as group_code
                from task t join task_group g on g.id = t.group_id order by g.position, t.position""");
        List<Item> leaves = document.stream().filter(Item::isLeaf).toList();
        assertThat(tasks).extracting(row -> row.get("code"))
                .containsExactlyElementsOf(leaves.stream().map(Item::code).toList());
        for (int i = 0; i < leaves.size(); i++) {
            Item item = leaves.get(i);
            Map<String, Object> row = tasks.get(i);
            assertThat(row.get("title")).as("title of %s", item.code()).isEqualTo(item.title());
            assertThat(row.get("lead_wording")).as("lead of %s", item.code()).isEqualTo(item.lead());
            assertThat(row.get("coordinating_wording")).as("coordinating of %s", item.code()).isEqualTo(item.coordinating());
            assertThat(row.get("timeline_wording")).as("timeline of %s", item.code()).isEqualTo(item.timeline());
            assertThat(row.get("description")).as("description of %s", item.code())
                    .isEqualTo(item.extra().isEmpty() ? null : String.join(" ", item.extra()));
            assertThat(row.get("group_code")).isEqualTo(item.code().split("\\.")[0]);
        }
    }

    @Test
    void taskSevenKeepsTheDocumentsSlip() {
        assertThat(jdbc.queryForObject("select title from task_group where code = '7'", String.class))
                .isEqualTo("Huy động các nguồn lực xã hội tham cùng Hội Luật gia thực hiện PBGDPL");
    }

    @Test
    void everyAssignmentWordingComesFromItsTasksLine() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select t.code, a.role, a.wording, t.lead_wording, t.coordinating_wording
                from task_assignment a join task t on t.id = a.task_id""");
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            String line = ((String) ("LEAD".equals(row.get("role")) ? row.get("lead_wording") : row.get("coordinating_wording"))).toLowerCase();
            String wording = ((String) row.get("wording")).toLowerCase();
            // "UBND cấp huyện, cấp xã": the document leaves "UBND" understood before "cấp xã".
            String words = wording.equals("ubnd cấp xã") && !line.contains(wording) ? "cấp xã" : wording;
            assertThat(line).as("%s %s", row.get("code"), row.get("role")).contains(words);
        }
    }

    @Test
    void everyLeafTaskHasALeadAndACoordinatingParty() {
        List<String> withoutLead = jdbc.queryForList("""
                select code from task t where not exists
                (select 1 from task_assignment a where a.task_id = t.id and a.role = 'LEAD')""", String.class);
        List<String> withoutCoordination = jdbc.queryForList("""
                select code from task t where not exists
                (select 1 from task_assignment a where a.task_id = t.id and a.role = 'COORDINATING')""", String.class);
        assertThat(withoutLead).isEmpty();
        assertThat(withoutCoordination).isEmpty();
    }

    @Test
    void timelinesRunEveryYearExceptTheReviewTask() {
        Map<String, List<Integer>> years = jdbc.query("""
                        select t.code, e.year from task_timeline_entry e join task t on t.id = e.task_id order by t.code, e.year""",
                        (rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        assertThat(years).hasSize(16);
        years.forEach((code, list) -> {
            if (code.equals("11.1")) {
                assertThat(list).containsExactly(2026, 2030);
            } else {
                assertThat(list).as(code).containsExactly(2024, 2025, 2026, 2027, 2028, 2029, 2030);
            }
        });
        assertThat(jdbc.queryForList("""
                select e.milestone || ' ' || e.year from task_timeline_entry e join task t on t.id = e.task_id
                where e.milestone is not null order by e.year""", String.class))
                .containsExactly("Sơ kết 2026", "Tổng kết 2030");
    }

    @Test
    void provinceAndItsEightDistrictsAsOf2024WithTheirAgencies() {
        assertThat(jdbc.queryForList("select name from administrative_unit where level = 'DISTRICT' order by id", String.class))
                .containsExactly("Thành phố Lai Châu", "Huyện Tam Đường", "Huyện Phong Thổ", "Huyện Sìn Hồ",
                        "Huyện Mường Tè", "Huyện Nậm Nhùn", "Huyện Tân Uyên", "Huyện Than Uyên");
        for (String kind : List.of("UBND", "HOI_LUAT_GIA", "HOI_DONG_PBGDPL")) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from administrative_unit u where u.level = 'DISTRICT' and 1 = (
                      select count(*) from agency a join agency_kind k on k.id = a.kind_id where a.unit_id = u.id and k.code = ?)""",
                    Integer.class, kind)).as(kind).isEqualTo(8);
        }
        assertThat(jdbc.queryForList("""
                select a.name from agency a join administrative_unit u on u.id = a.unit_id where u.level = 'PROVINCE' order by a.id""",
                String.class)).containsExactly("UBND tỉnh Lai Châu", "Hội Luật gia tỉnh", "Sở Tư pháp", "Sở Tài chính",
                "Sở Nội vụ", "Ủy ban MTTQ Việt Nam tỉnh", "Hội đồng phối hợp PBGDPL tỉnh");
    }
}
