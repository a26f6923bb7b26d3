package vn.laichau.hlg.tracker.export;

import java.util.List;
import java.util.Locale;

/**
 * Who issues the consolidated report: the Lawyers' Association of the unit it is made for. The province
 * keeps the provincial association's own texts. Any other unit gets its own association, named after
 * the unit exactly as the list of units writes it ("Huyện Tam Đường" gives "HỘI LUẬT GIA HUYỆN TAM
 * ĐƯỜNG" and "Hội Luật gia huyện Tam Đường"), writes its place without the kind of unit ("Tam Đường,
 * ngày …") and sends the report to the provincial association and its own People's Committee.
 *
 * @param parent      the body it reports to, in capitals above it (Decree 30/2020: "tên cơ quan chủ quản"),
 *                    or null for the provincial association
 * @param header      the issuing body in capitals, above the number
 * @param headerLines the same on one line, or on two where one line would not fit its column
 * @param association the association's name inside a sentence
 * @param place       where the report is made, before the date
 * @param recipients  the lines of "Nơi nhận"
 */
record Issuer(String parent, String header, List<String> headerLines, String association, String place,
              List<String> recipients) {

    /** The longest issuer's name that fits on one line of the header's left column at 12 pt bold. */
    static final int ONE_LINE = 26;

    static final String PROVINCE = "PROVINCE";
    /** Vietnamese capitals: "đ" → "Đ", "ư" → "Ư" and the tone marks kept. */
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /**
     * The words that say what kind of unit a name is, as unit names begin; the longer ones first, so
     * that "Thị trấn" is not read as "Thị".
     */
    private static final List<String> KINDS = List.of("Thành phố", "Thị trấn", "Thị xã", "Huyện", "Quận", "Phường",
            "Xã", "Tỉnh");

    static Issuer of(String unitName, String unitLevel, Texts texts) {
        if (PROVINCE.equals(unitLevel)) {
            String header = texts.get("export.docx.issuer");
            return new Issuer(null, header, List.of(header), texts.get("export.docx.association"),
                    texts.get("export.docx.place"), lines(texts.get("export.docx.recipientList")));
        }
        String inSentence = inSentence(unitName);
        String header = texts.get("export.docx.issuer.local", capitals(unitName));
        // "HỘI LUẬT GIA" above the unit's name, as the decree breaks a long name: never mid-name.
        List<String> headerLines = header.length() <= ONE_LINE ? List.of(header)
                : List.of(texts.get("export.docx.issuer.local", "").strip(), capitals(unitName));
        return new Issuer(texts.get("export.docx.issuer"), header, headerLines,
                texts.get("export.docx.association.local", inSentence), place(unitName),
                lines(texts.get("export.docx.recipientList.local", inSentence)));
    }

    /** "Huyện Tam Đường" → "HUYỆN TAM ĐƯỜNG". */
    static String capitals(String unitName) {
        return unitName.strip().toUpperCase(VIETNAMESE);
    }

    /** "Huyện Tam Đường" → "huyện Tam Đường", as the kind of unit is written inside a sentence. */
    static String inSentence(String unitName) {
        String name = unitName.strip();
        return kind(name) == null ? name : name.substring(0, 1).toLowerCase(VIETNAMESE) + name.substring(1);
    }

    /** "Huyện Tam Đường" → "Tam Đường", "Thành phố Lai Châu" → "Lai Châu"; a name of no known kind as it is. */
    static String place(String unitName) {
        String name = unitName.strip();
        String kind = kind(name);
        return kind == null ? name : name.substring(kind.length()).strip();
    }

    private static String kind(String name) {
        for (String kind : KINDS) {
            if (name.length() > kind.length() && name.startsWith(kind) && Character.isWhitespace(name.charAt(kind.length()))) {
                return kind;
            }
        }
        return null;
    }

    private static List<String> lines(String joined) {
        return List.of(joined.split("\\|"));
    }
}
