package io.newsqa.telegram;

import io.newsqa.answer.Answer;
import io.newsqa.answer.Citation;
import io.newsqa.channel.CitationText;
import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.retrieve.time.RangeText;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer as Telegram HTML: the answer text as the archive gave it (its {@code [n]} markers
 * kept, right-to-left text untouched, everything escaped), then its sources as links with their
 * dates, split into messages below Telegram's limit. An answer quoted because the language model
 * failed says so.
 */
final class AnswerRenderer {

    private final MessageSplitter splitter;

    AnswerRenderer(MessageSplitter splitter) {
        this.splitter = splitter;
    }

    List<String> answer(Answer answer, BotTexts texts) {
        List<MessageSplitter.Part> parts = new ArrayList<>();
        parts.add(new MessageSplitter.Text(answer.answer()));
        if (answer.isFallback()) {
            parts.add(new MessageSplitter.Markup(Html.italic(texts.fallbackNote), true));
        }
        String applied = appliedFilter(answer.appliedFilter(), texts);
        if (applied != null) {
            parts.add(new MessageSplitter.Markup(Html.italic(applied), true));
        }
        if (!answer.citations().isEmpty()) {
            parts.add(new MessageSplitter.Markup(Html.bold(texts.sourcesHeading), true));
            for (Citation citation : answer.citations()) {
                parts.add(new MessageSplitter.Markup(sourceLine(citation, false), false));
            }
        }
        return splitter.split(parts);
    }

    /**
     * What time did to the search, so a reader sees why the sources are from those days:
     * "Published: 6 December 2026 (yesterday)", "Newest first (latest)"; {@code null} when nothing.
     */
    static String appliedFilter(AppliedFilter applied, BotTexts texts) {
        if (applied == null) {
            return null;
        }
        String words = AppliedFilter.REQUEST.equals(applied.reason()) || applied.reason() == null
                ? ""
                : " (" + applied.reason() + ")";
        if (applied.from() != null || applied.to() != null) {
            return texts.datesSearched + RangeText.of(applied.from(), applied.to(), texts.code()) + words;
        }
        return applied.newestFirst() ? texts.newestFirst + words : null;
    }

    /** {@code /sources}: every source in full, outlet included. */
    List<String> sources(List<Citation> citations, BotTexts texts) {
        List<MessageSplitter.Part> parts = new ArrayList<>();
        parts.add(new MessageSplitter.Markup(Html.bold(texts.sourcesHeading), true));
        for (Citation citation : citations) {
            parts.add(new MessageSplitter.Markup(sourceLine(citation, true), false));
        }
        return splitter.split(parts);
    }

    /** {@code [1] <a href="url">headline</a> — 2025-05-01}: the link when known, the date when known. */
    static String sourceLine(Citation citation, boolean withOutlet) {
        CitationText text = CitationText.of(citation);
        StringBuilder line = new StringBuilder(text.marker());
        line.append(safeUrl(text.url()) ? Html.link(text.url(), text.label()) : Html.escape(text.label()));
        if (withOutlet && text.outlet() != null) {
            line.append(" — ").append(Html.escape(text.outlet()));
        }
        if (text.day() != null) {
            line.append(" — ").append(text.day());
        }
        return line.toString();
    }

    /** Telegram rejects a whole message over one bad link, so only web links become links. */
    private static boolean safeUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.indexOf(' ') < 0;
    }
}
