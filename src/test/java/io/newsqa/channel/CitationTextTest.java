package io.newsqa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.answer.Citation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CitationTextTest {

    @Test
    void aSourceIsItsHeadlineOutletLinkAndThePublicationDayInItsOwnOffset() {
        CitationText text = CitationText.of(new Citation(
                2,
                "tram",
                "Tram opens in June",
                "https://news.example/tram",
                OffsetDateTime.parse("2025-08-02T01:30:00+03:00"),
                "wire-a"));

        assertThat(text)
                .isEqualTo(new CitationText(
                        2, "Tram opens in June", "wire-a", LocalDate.of(2025, 8, 2), "https://news.example/tram"));
        assertThat(text.marker()).isEqualTo("[2] ");
    }

    @Test
    void anUntitledSourceIsNamedByItsArticleAndWhatIsBlankIsLeftOut() {
        CitationText text = CitationText.of(new Citation(1, "a1b2", " ", "", null, ""));

        assertThat(text).isEqualTo(new CitationText(1, "a1b2", null, null, null));
    }
}
