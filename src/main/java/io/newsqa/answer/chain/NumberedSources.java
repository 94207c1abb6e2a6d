package io.newsqa.answer.chain;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.rag.content.Content;
import io.newsqa.answer.Source;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;

/** Turns retrieved contents into numbered sources, and sources into the text the model reads. */
public final class NumberedSources {

    private NumberedSources() {
    }

    /** Numbers the contents 1..n in the order they were retrieved. */
    public static List<Source> from(List<Content> contents) {
        List<Source> sources = new ArrayList<>(contents.size());
        for (Content content : contents) {
            Metadata m = content.textSegment().metadata();
            String published = m.getString(ArchiveContentRetriever.PUBLISHED_AT);
            Integer ordinal = m.getInteger(ArchiveContentRetriever.CHUNK_ORDINAL);
            sources.add(new Source(sources.size() + 1,
                    m.getString(ArchiveContentRetriever.ARTICLE_ID),
                    m.getString(ArchiveContentRetriever.TITLE),
                    m.getString(ArchiveContentRetriever.URL),
                    published == null ? null : OffsetDateTime.parse(published),
                    m.getString(ArchiveContentRetriever.SOURCE),
                    m.getString(ArchiveContentRetriever.LANGUAGE),
                    ordinal == null ? 0 : ordinal,
                    content.textSegment().text(),
                    m.getString(ArchiveContentRetriever.STORY_ID)));
        }
        return sources;
    }

    /** Where a source's text begins and ends in the prompt; the system prompt names them. */
    public static final String FENCE_OPEN = "<<<";
    public static final String FENCE_CLOSE = ">>>";
    private static final Pattern FENCE_LIKE = Pattern.compile("<{3,}|>{3,}");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    /**
     * The sources block of the prompt: each source's number, headline, date and outlet (and "same
     * story as [k]" for another telling of an earlier source's story, so the model can cite the
     * story once and see which telling is newest), then its text. The text is fenced so that the model can tell where the data ends. Archived text is
     * written by others and may try to speak to the model ("ignore previous instructions"): it
     * can neither close its fence early (runs of three or more angle brackets become full-width
     * ones) nor forge a source header (headline and outlet are kept to one line).
     */
    public static String render(List<Source> sources) {
        StringBuilder text = new StringBuilder();
        Map<String, Integer> firstOfStory = new HashMap<>();
        for (Source source : sources) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append('[').append(source.n()).append("] ").append(oneLine(source.title()));
            if (source.publishedAt() != null) {
                text.append(" (").append(source.publishedAt().format(DateTimeFormatter.ISO_LOCAL_DATE)).append(')');
            }
            if (source.source() != null) {
                text.append(" — ").append(oneLine(source.source()));
            }
            Integer first = firstOfStory.putIfAbsent(source.storyId(), source.n());
            if (first != null) {
                text.append(" — same story as [").append(first).append(']');
            }
            text.append('\n').append(FENCE_OPEN).append('\n').append(fenced(source.text().strip()))
                    .append('\n').append(FENCE_CLOSE);
        }
        return text.toString();
    }

    /** Text that cannot contain the fence: {@code >>>} becomes {@code ＞＞＞}. */
    static String fenced(String text) {
        return FENCE_LIKE.matcher(text).replaceAll(run -> run.group().replace('<', '\uFF1C').replace('>', '\uFF1E'));
    }

    private static String oneLine(String text) {
        return fenced(LINE_BREAKS.matcher(text.strip()).replaceAll(" "));
    }
}
