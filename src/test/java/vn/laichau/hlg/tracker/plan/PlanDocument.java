package vn.laichau.hlg.tracker.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads section II of the plan document (kept in test resources as issued) into its numbered items,
 * independently of the migration that seeds them, so that the two can be compared line by line.
 */
final class PlanDocument {

    record Item(String code, String title, String lead, String coordinating, String timeline, List<String> extra) {

        boolean isLeaf() {
            return lead != null;
        }
    }

    private static final Pattern HEADING = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\. (.+)$");

    static List<Item> sectionTwo() {
        String text = read();
        String section = text.substring(text.indexOf("II. NỘI DUNG, THỜI GIAN THỰC HIỆN"), text.indexOf("III. KINH PHÍ THỰC HIỆN"));
        List<Item> items = new ArrayList<>();
        String code = null;
        String title = null;
        String lead = null;
        String coordinating = null;
        String timeline = null;
        List<String> extra = new ArrayList<>();
        for (String raw : section.split("\n")) {
            String line = raw.strip();
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                if (code != null) {
                    items.add(new Item(code, title, lead, coordinating, timeline, extra));
                }
                code = heading.group(1);
                title = heading.group(2);
                lead = coordinating = timeline = null;
                extra = new ArrayList<>();
            } else if (code != null && !line.isEmpty()) {
                if (line.startsWith("- Cơ quan chủ trì: ")) {
                    lead = line.substring("- Cơ quan chủ trì: ".length());
                } else if (line.startsWith("- Cơ quan phối hợp: ")) {
                    coordinating = line.substring("- Cơ quan phối hợp: ".length());
                } else if (line.startsWith("- Thời gian thực hiện: ")) {
                    timeline = line.substring("- Thời gian thực hiện: ".length());
                } else {
                    extra.add(line);
                }
            }
        }
        items.add(new Item(code, title, lead, coordinating, timeline, extra));
        return items;
    }

    private static String read() {
        try (InputStream in = PlanDocument.class.getResourceAsStream("/plan/ke-hoach-de-an-129-lai-chau.vi.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PlanDocument() {
    }
}
