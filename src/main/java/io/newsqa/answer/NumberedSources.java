package io.newsqa.answer;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Numbers retrieved sources, and turns sources into the text the model reads. */
public final class NumberedSources {

    private NumberedSources() {}

    /** Of two tellings of one story, the later one first; undated ones last. */
    private static final Comparator<Source> NEWEST_FIRST =
            Comparator.comparing(Source::publishedAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()));

    /**
     * Numbers the sources 1..n in the order they were retrieved, except that within one story the
     * newest telling takes the story's best places: an update says what the original said and
     * more, so a fact both tell is read (and quoted, and cited) from the update, and a question
     * about the latest state of a story starts with it. Stories keep their places, and passages
     * of one article (one date) their order.
     */
    public static List<Source> numbered(List<Source> retrieved) {
        Map<String, List<Source>> byStory = new LinkedHashMap<>();
        for (Source source : retrieved) {
            byStory.computeIfAbsent(source.storyId(), story -> new ArrayList<>())
                    .add(source);
        }
        Map<String, Iterator<Source>> newestFirst = new HashMap<>();
        byStory.forEach((story, tellings) ->
                newestFirst.put(story, tellings.stream().sorted(NEWEST_FIRST).iterator()));
        List<Source> numbered = new ArrayList<>(retrieved.size());
        for (Source source : retrieved) {
            numbered.add(newestFirst.get(source.storyId()).next().numbered(numbered.size() + 1));
        }
        return numbered;
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
                text.append(" (")
                        .append(source.publishedAt().format(DateTimeFormatter.ISO_LOCAL_DATE))
                        .append(')');
            }
            if (source.source() != null) {
                text.append(" — ").append(oneLine(source.source()));
            }
            Integer first = firstOfStory.putIfAbsent(source.storyId(), source.n());
            if (first != null) {
                text.append(" — same story as [").append(first).append(']');
            }
            text.append('\n')
                    .append(FENCE_OPEN)
                    .append('\n')
                    .append(fenced(source.text().strip()))
                    .append('\n')
                    .append(FENCE_CLOSE);
        }
        return text.toString();
    }

    /** Text that cannot contain the fence: {@code >>>} becomes {@code ＞＞＞}. */
    static String fenced(String text) {
        return FENCE_LIKE
                .matcher(text)
                .replaceAll(run -> run.group().replace('<', '\uFF1C').replace('>', '\uFF1E'));
    }

    private static String oneLine(String text) {
        return fenced(LINE_BREAKS.matcher(text.strip()).replaceAll(" "));
    }
}
