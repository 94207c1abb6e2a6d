package io.newsqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    @Test
    void aShortReplyIsOneMessage() {
        List<String> messages = new MessageSplitter()
                .split(List.of(
                        new MessageSplitter.Text("One. Two [1]."),
                        new MessageSplitter.Markup("<b>Sources</b>", true),
                        new MessageSplitter.Markup("[1] x", false)));

        assertThat(messages).containsExactly("One. Two [1].\n\n<b>Sources</b>\n[1] x");
    }

    @Test
    void aLongReplyIsCutBetweenSentencesBelowTelegramsLimit() {
        String sentence = "هذه جملة عربية طويلة بعض الشيء تنتهي بعلامة استفهام؟ [1] ";
        String text = sentence.repeat(200);

        List<String> messages = new MessageSplitter().split(List.of(new MessageSplitter.Text(text)));

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages).allSatisfy(message -> {
            assertThat(message.length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
            assertThat(message).startsWith("هذه جملة").endsWith("استفهام؟ [1]");
        });
        assertThat(String.join(" ", messages)).isEqualTo(text.strip());
    }

    @Test
    void escapingCountsTowardsTheLimitAndNeverCutsAnEntity() {
        String text = "a&b ".repeat(50);

        List<String> messages = new MessageSplitter(64).split(List.of(new MessageSplitter.Text(text)));

        assertThat(messages).allSatisfy(message -> {
            assertThat(message.length()).isLessThanOrEqualTo(64);
            assertThat(message.replace("&amp;", "")).doesNotContain("&");
        });
        assertThat(String.join(" ", messages).replace("&amp;", "&")).isEqualTo(text.strip());
    }

    @Test
    void aWordLongerThanAMessageIsCutAnywhereButNotInsideASurrogatePair() {
        String text = "😀".repeat(100);

        List<String> messages = new MessageSplitter(33).split(List.of(new MessageSplitter.Text(text)));

        assertThat(messages).allSatisfy(message -> {
            assertThat(message.length()).isLessThanOrEqualTo(33);
            assertThat(Character.isHighSurrogate(message.charAt(message.length() - 1)))
                    .isFalse();
        });
        assertThat(String.join("", messages)).isEqualTo(text);
    }

    @Test
    void markupTooLongForOneMessageIsAProgrammingError() {
        assertThatThrownBy(() -> new MessageSplitter(20)
                        .split(List.of(new MessageSplitter.Markup("<b>" + "x".repeat(30) + "</b>", true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot fit");
    }
}
