package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputTextTests {

    @Test
    void controlCharactersAreRemovedButTabsAndLineBreaksStay() {
        assertThat(InputText.clean("a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg")).isEqualTo("abcdefg");
        assertThat(InputText.clean("dòng một\r\n\tdòng hai\n")).isEqualTo("dòng một\r\n\tdòng hai\n");
        assertThat(InputText.hasControl("a\u0000")).isTrue();
        assertThat(InputText.hasControl("dòng một\r\n\t")).isFalse();
    }

    @Test
    void vietnameseIsComposed() {
        String decomposed = "Lai Cha\u0302u, Ho\u0323\u0302i Lua\u0323\u0302t gia";
        assertThat(InputText.clean(decomposed)).isEqualTo("Lai Châu, Hội Luật gia").hasSize(22);
        assertThat(InputText.hasControl(decomposed)).isFalse();
    }

    @Test
    void emojiAndOtherFourByteCharactersStayWhole() {
        assertThat(InputText.clean("😀 Lai Châu 🇻🇳")).isEqualTo("😀 Lai Châu 🇻🇳");
        assertThat(InputText.truncate("ab😀", 3)).isEqualTo("ab");
        assertThat(InputText.truncate("abc", 3)).isEqualTo("abc");
        assertThat(InputText.truncate(null, 3)).isNull();
        assertThat(InputText.clean(null)).isNull();
    }
}
