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
    void sourcesOfOneStoryShareOneCitationNamingTheNewestCited() {
        java.time.OffsetDateTime day = java.time.OffsetDateTime.parse("2025-03-01T10:00:00+03:00");
        Source first = new Source(1, "wire-a", "Order", null, day, "A", "ar", 0, "text", "wire-a");
        Source other = new Source(2, "park", "Park", null, day, "C", "ar", 0, "text", "park");
        Source newer = new Source(3, "wire-b", "Order retold", null, day.plusDays(1), "B", "ar", 0, "text", "wire-a");
        Source newest = new Source(4, "wire-c", "Order again", null, day.plusDays(2), "D", "ar", 0, "text", "wire-a");
        CitationMarkers byStory = new CitationMarkers(List.of(first, other, newer, newest));

        String out = byStory.feed("Appointed [1]. Park [2]. Plan [3][1].") + byStory.finish();

        assertThat(out).isEqualTo("Appointed [1]. Park [2]. Plan [1].");
        // Source 4 was not cited: the newest *cited* telling is named.
        assertThat(byStory.citations())
                .extracting(Citation::n, Citation::articleId, Citation::storyId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "wire-b", "wire-a"),
                        org.assertj.core.groups.Tuple.tuple(2, "park", "park"));
    }

    @Test
    void holdsBackAMarkerSplitAcrossDeltas() {
        List<String> shown = new ArrayList<>();
        for (String delta :
                List.of("The tram opens [", "1", "", "2", "] soon [", "3]", ". Brackets [like this] stay.")) {
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
