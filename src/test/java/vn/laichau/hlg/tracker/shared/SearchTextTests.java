package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

    @Test
    void vietnameseFoldsToPlainLowerCaseLetters() {
        assertThat(SearchText.fold("Sở Tư pháp")).isEqualTo("so tu phap");
        assertThat(SearchText.fold("  Hội đồng  phối hợp PBGDPL huyện Mường Tè ")).isEqualTo("hoi dong phoi hop pbgdpl huyen muong te");
        assertThat(SearchText.fold("ĐỀ ÁN")).isEqualTo("de an");
        assertThat(SearchText.fold(null)).isEmpty();
    }

    @Test
    void typedWildcardsAreLiteral() {
        assertThat(SearchText.containsPattern("tư_pháp%")).isEqualTo("%tu\\_phap\\%%");
    }
}
