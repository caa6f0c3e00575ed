package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleTest {

    @Test
    void theFirstHeadingWinsOverTheFirstLine() {
        assertThat(Title.of("x", "some intro\n\n## Plans for May ##\n# Later")).isEqualTo("Plans for May");
    }

    @Test
    void withoutAHeadingTheFirstLineThatIsNotBlankIsTheTitle() {
        assertThat(Title.of("x", "\n  \n  Shopping list  \r\nmilk")).isEqualTo("Shopping list");
        assertThat(Title.of("x", "#hashtag is no heading")).isEqualTo("#hashtag is no heading");
    }

    @Test
    void anEmptyTextIsCalledByItsId() {
        assertThat(Title.of("notes", "")).isEqualTo("notes");
        assertThat(Title.of("notes", " \n\t\n")).isEqualTo("notes");
        assertThat(Title.of("notes", "#  \n")).isEqualTo("notes");
    }

    @Test
    void aLongTitleIsCutToEightyCharactersWithoutSplittingASurrogatePair() {
        assertThat(Title.of("x", "a".repeat(100))).isEqualTo("a".repeat(80));
        String emoji = "\uD83D\uDE00";
        String title = Title.of("x", "# " + emoji.repeat(100));
        assertThat(title.codePointCount(0, title.length())).isEqualTo(80);
        assertThat(title).isEqualTo(emoji.repeat(80));
    }
}
