package vn.laichau.hlg.tracker.export;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The issuing association named after the unit, with the unit names as the seeded list writes them. */
class IssuerTests {

    private final Texts vietnamese = new Texts(messages(), Locale.forLanguageTag("vi"));

    @Test
    void aDistrictsNameIsWrittenInCapitalsInASentenceAndAsAPlace() {
        assertThat(Issuer.capitals("Huyện Tam Đường")).isEqualTo("HUYỆN TAM ĐƯỜNG");
        assertThat(Issuer.capitals("Huyện Sìn Hồ")).isEqualTo("HUYỆN SÌN HỒ");
        assertThat(Issuer.capitals("Huyện Mường Tè")).isEqualTo("HUYỆN MƯỜNG TÈ");
        assertThat(Issuer.inSentence("Huyện Tam Đường")).isEqualTo("huyện Tam Đường");
        assertThat(Issuer.inSentence("Thành phố Lai Châu")).isEqualTo("thành phố Lai Châu");
        assertThat(Issuer.place("Huyện Tam Đường")).isEqualTo("Tam Đường");
        assertThat(Issuer.place("Thành phố Lai Châu")).isEqualTo("Lai Châu");
        assertThat(Issuer.place("Thị trấn Tam Đường")).isEqualTo("Tam Đường");
    }

    @Test
    void aNameOfNoKnownKindIsKeptAsItIs() {
        assertThat(Issuer.inSentence("Cụm xã Bắc")).isEqualTo("Cụm xã Bắc");
        assertThat(Issuer.place("Cụm xã Bắc")).isEqualTo("Cụm xã Bắc");
        // "Huyện" alone, or glued to the next word, is a name, not a kind.
        assertThat(Issuer.place("Huyện")).isEqualTo("Huyện");
        assertThat(Issuer.place("Xãbắc")).isEqualTo("Xãbắc");
    }

    @Test
    void theProvinceKeepsTheProvincialAssociationWhateverItsName() {
        Issuer issuer = Issuer.of("Tỉnh Lai Châu", "PROVINCE", vietnamese);
        assertThat(issuer.header()).isEqualTo("HỘI LUẬT GIA TỈNH LAI CHÂU");
        assertThat(issuer.association()).isEqualTo("Hội Luật gia tỉnh Lai Châu");
        assertThat(issuer.place()).isEqualTo("Lai Châu");
        assertThat(issuer.recipients()).containsExactly("- Hội Luật gia Việt Nam;", "- UBND tỉnh Lai Châu;",
                "- Sở Tư pháp tỉnh Lai Châu;", "- Lưu: VT.");
    }

    @Test
    void aDistrictReportsToTheProvinceAndItsPeoplesCommittee() {
        Issuer tamDuong = Issuer.of("Huyện Tam Đường", "DISTRICT", vietnamese);
        assertThat(tamDuong.header()).isEqualTo("HỘI LUẬT GIA HUYỆN TAM ĐƯỜNG");
        assertThat(tamDuong.association()).isEqualTo("Hội Luật gia huyện Tam Đường");
        assertThat(tamDuong.place()).isEqualTo("Tam Đường");
        assertThat(tamDuong.recipients()).containsExactly("- Hội Luật gia tỉnh Lai Châu;", "- UBND huyện Tam Đường;",
                "- Lưu: VT.");

        Issuer city = Issuer.of("Thành phố Lai Châu", "DISTRICT", vietnamese);
        assertThat(city.header()).isEqualTo("HỘI LUẬT GIA THÀNH PHỐ LAI CHÂU");
        assertThat(city.association()).isEqualTo("Hội Luật gia thành phố Lai Châu");
        assertThat(city.place()).isEqualTo("Lai Châu");
        assertThat(city.recipients()).contains("- UBND thành phố Lai Châu;");
    }

    @Test
    void inEnglishTheApostrophesSurvive() {
        Texts english = new Texts(messages(), Locale.ENGLISH);
        assertThat(Issuer.of("Tỉnh Lai Châu", "PROVINCE", english).association()).isEqualTo("the Lai Châu Lawyers' Association");
        Issuer district = Issuer.of("Huyện Tam Đường", "DISTRICT", english);
        assertThat(district.association()).isEqualTo("the Lawyers' Association of huyện Tam Đường");
        assertThat(district.recipients()).containsExactly("- Lai Châu Lawyers' Association;",
                "- People's Committee of huyện Tam Đường;", "- Archive.");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
