package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

    @Test
    void theCataloguesOfTheEditorAreFoundOnTheClassPath() {
        assertThat(Messages.languages()).contains("en", "pt-BR");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "pt-BR,pt;q=0.9,en;q=0.8 | pt-BR",
        "pt | pt-BR",
        "pt-PT, en;q=0.5 | pt-BR",
        "en-GB, pt-BR;q=0.9 | en",
        "de-CH, fr;q=0.9, pt-br;q=0.1 | pt-BR",
        "en;q=0, pt;q=0.1 | pt-BR",
        "de, fr | en",
        "* | en",
        "pt-BR;q=nonsense | en",
        "null | en",
    })
    void theLanguageIsTheReadersFirstThatHasACatalogue(String acceptLanguage, String language) {
        assertThat(Messages.forAcceptLanguage(acceptLanguage).language()).isEqualTo(language);
    }

    @Test
    void aLanguageMatchesTheSameTagFirstThenTheSameLanguage() {
        assertThat(Messages.match(List.of("pt-PT"), List.of("en", "pt-BR", "pt-PT"))).isEqualTo("pt-PT");
        assertThat(Messages.match(List.of("pt"), List.of("en", "pt-BR"))).isEqualTo("pt-BR");
        assertThat(Messages.match(List.of(), List.of("en", "pt-BR"))).isEqualTo("en");
    }

    @Test
    void errorMessagesReadInTheReadersLanguageAndStayAsTheyWereInEnglish() {
        Messages english = Messages.forAcceptLanguage(null);
        assertThat(english.text("error.exists", "id", "notes")).isEqualTo("document notes exists already");
        assertThat(english.text("error.unknownRev", "rev", 9, "head", 3)).isEqualTo("revision 9 is above the head 3");
        Messages portuguese = Messages.forAcceptLanguage("pt-BR");
        assertThat(portuguese.text("error.exists", "id", "notes")).isEqualTo("o documento notes já existe");
        assertThat(portuguese.text("error.notNonNegative", "name", "rev", "value", "$1{x}"))
                .isEqualTo("rev deve ser um inteiro não negativo, não \"$1{x}\"");
        assertThat(portuguese.text("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void htmlTextIsEscaped() {
        assertThat(Messages.forAcceptLanguage("en").html("error.exists", "id", "<b>\"'&"))
                .isEqualTo("document &lt;b&gt;&quot;&#39;&amp; exists already");
    }

    /** The pages the WAR bundles must still say what HtmlPage.localised replaces. */
    @Test
    void theBundledPagesCarryTheMarksThatAreTranslated() throws IOException {
        for (String page : List.of("index.html", "editor.html")) {
            String html = Files.readString(Path.of("webapp", "public", page));
            assertThat(html).as(page).contains(HtmlPage.LANG_MARK, HtmlPage.NOSCRIPT_MARK);
        }
    }
}
