package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationMarkersTest {

    private static Source source(int n) {
        return new Source(n, "a" + n, "Title " + n, null, null, null, "en", 0, "text " + n);
    }

    private final CitationMarkers markers = new CitationMarkers(List.of(source(1), source(2), source(3)));

    @Test
    void renumbersByFirstAppearanceDropsUnknownNumbersAndListsOnlyCitedSources() {
        String out = markers.feed("First [3]. Second [1, 3]. Third [7]. Fourth [2،1].") + markers.finish();

        assertThat(out).isEqualTo("First [1]. Second [2][1]. Third . Fourth [3][2].");
        assertThat(markers.citations()).extracting(Citation::articleId).containsExactly("a3", "a1", "a2");
        assertThat(markers.citations()).extracting(Citation::n).containsExactly(1, 2, 3);
    }

    @Test
    void holdsBackAMarkerSplitAcrossDeltas() {
        List<String> shown = new ArrayList<>();
        for (String delta : List.of("The tram opens [", "1", "", "2", "] soon [", "3]", ". Brackets [like this] stay.")) {
            shown.add(markers.feed(delta));
        }
        shown.add(markers.finish());

        assertThat(shown.get(0)).isEqualTo("The tram opens ");
        assertThat(String.join("", shown)).isEqualTo("The tram opens  soon [1]. Brackets [like this] stay.");
        assertThat(markers.citations()).extracting(Citation::articleId).containsExactly("a3");
    }

    @Test
    void anUnfinishedMarkerAtTheEndStaysTextAndCitesNothing() {
        String out = markers.feed("Cut off [2") + markers.finish();
        assertThat(out).isEqualTo("Cut off [2");
        assertThat(markers.citations()).isEmpty();
        assertThat(markers.text()).isEqualTo("Cut off [2");
    }
}
