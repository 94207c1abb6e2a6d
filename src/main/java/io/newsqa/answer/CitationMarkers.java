package io.newsqa.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the {@code [n]} markers of a model's reply, as it streams, to citations: source numbers
 * become citation numbers 1..k in order of first appearance, markers pointing to a number that was
 * not among the sources are dropped, and only cited sources are listed. Sources of one story (copies
 * of a wire story, or two passages of one article) share one citation number, and the citation
 * names the newest of them that the reply cited: the answer cites a story once.
 *
 * <p>Works on deltas so that the streamed text already carries the final numbers: a delta ending
 * in an unfinished marker ("... [1" or "[1, ") is held back until the marker closes.
 */
final class CitationMarkers {

    /** {@code [3]}, {@code [1, 2]}, {@code [1،2]} (Arabic comma). */
    private static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,،]\\s*\\d{1,3})*)\\s*]");

    private static final Pattern UNFINISHED = Pattern.compile("\\[[\\d\\s,،]{0,24}$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Map<Integer, Source> sourcesByNumber = new LinkedHashMap<>();
    /** Story to citation number, in order of first citation. */
    private final Map<String, Integer> renumbered = new LinkedHashMap<>();
    /** The sources cited of each story. */
    private final Map<String, List<Source>> citedByStory = new LinkedHashMap<>();
    /** The citations written by the markers right before this point, with no text after them. */
    private final StringBuilder adjacent = new StringBuilder();

    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder text = new StringBuilder();

    CitationMarkers(List<Source> sources) {
        for (Source source : sources) {
            sourcesByNumber.put(source.n(), source);
        }
    }

    /** Feeds the next delta; returns the part that can be shown now, markers renumbered. */
    String feed(String delta) {
        pending.append(delta);
        Matcher unfinished = UNFINISHED.matcher(pending);
        int cut = unfinished.find() ? unfinished.start() : pending.length();
        String ready = rewrite(pending.substring(0, cut));
        pending.delete(0, cut);
        text.append(ready);
        return ready;
    }

    /** The rest of the reply, once it has ended. */
    String finish() {
        String rest = rewrite(pending.toString());
        pending.setLength(0);
        text.append(rest);
        return rest;
    }

    /** The whole rewritten reply so far. */
    String text() {
        return text.toString().strip();
    }

    /** The cited sources, numbered as in the rewritten text. */
    List<Citation> citations() {
        List<Citation> citations = new ArrayList<>(renumbered.size());
        renumbered.forEach((story, citationNumber) ->
                citations.add(Source.newest(citedByStory.get(story)).citation(citationNumber)));
        return citations;
    }

    private String rewrite(String chunk) {
        Matcher marker = MARKER.matcher(chunk);
        StringBuilder result = new StringBuilder();
        int end = 0;
        while (marker.find()) {
            if (marker.start() > end) {
                adjacent.setLength(0); // text came between: the next marker stands on its own
            }
            StringBuilder replacement = new StringBuilder();
            Matcher number = NUMBER.matcher(marker.group(1));
            while (number.find()) {
                int n = Integer.parseInt(number.group());
                Source source = sourcesByNumber.get(n);
                if (source != null) {
                    int cited = renumbered.computeIfAbsent(source.storyId(), k -> renumbered.size() + 1);
                    List<Source> ofStory = citedByStory.computeIfAbsent(source.storyId(), k -> new ArrayList<>());
                    if (!ofStory.contains(source)) {
                        ofStory.add(source);
                    }
                    // "[3][1]" for two tellings of one story is one citation: "[1]", not "[1][1]".
                    String rendered = "[" + cited + "]";
                    if (replacement.indexOf(rendered) < 0 && adjacent.indexOf(rendered) < 0) {
                        replacement.append(rendered);
                    }
                }
            }
            adjacent.append(replacement);
            marker.appendReplacement(result, Matcher.quoteReplacement(replacement.toString()));
            end = marker.end();
        }
        if (end < chunk.length()) {
            adjacent.setLength(0);
        }
        marker.appendTail(result);
        return result.toString();
    }
}
