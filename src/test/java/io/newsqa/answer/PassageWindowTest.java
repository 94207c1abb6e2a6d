package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassageWindowTest {

    private static final String BODY =
            "First sentence here. Second sentence, which is long and has clauses, continues here.\n\n"
                    + "Third sentence. Fourth one.";

    @Test
    void completesAChunkCutMidSentenceAndAddsNeighboursWithinTheBudget() {
        assertThat(PassageWindow.around(BODY, "which is long and has clauses, continues here.", 0))
                .isEqualTo("Second sentence, which is long and has clauses, continues here.");
        assertThat(PassageWindow.around(BODY, "Second sentence, which is long and has clauses,", 20))
                .as("the first sentence fits in 20 characters, the third does too")
                .isEqualTo(
                        "First sentence here. Second sentence, which is long and has clauses, continues here.\n\nThird sentence.");
        assertThat(PassageWindow.around(BODY, "Fourth one.", 1000)).isEqualTo(BODY);
    }

    @Test
    void keepsAChunkThatIsNotInTheBody() {
        assertThat(PassageWindow.around(BODY, "A text stored with another cleaning.", 100))
                .isEqualTo("A text stored with another cleaning.");
        assertThat(PassageWindow.around(null, "Only the chunk.", 100)).isEqualTo("Only the chunk.");
        assertThat(PassageWindow.around("", "Only the chunk.", 100)).isEqualTo("Only the chunk.");
    }

    @Test
    void findsAChunkWhoseSpacingDiffersByItsFirstAndLastSentences() {
        String body = "Alpha one.  Beta two.\nGamma three. Delta four.";
        assertThat(PassageWindow.around(body, "Beta two. Gamma three.", 0)).isEqualTo("Beta two.\nGamma three.");
    }
}
