package io.newsqa.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The tally of one ingest run: what happened to each item, and why rejected ones were. */
public final class IngestReport {

    /** An item that was not stored, and the reason in words a newsroom can act on. */
    public record Rejection(String item, String reason) {
    }

    private final Map<IngestOutcome, Integer> counts = new EnumMap<>(IngestOutcome.class);
    private final List<Rejection> rejections = new ArrayList<>();

    public synchronized void count(IngestOutcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    public synchronized void reject(String item, String reason) {
        rejections.add(new Rejection(item, reason));
    }

    public synchronized int countOf(IngestOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    public synchronized List<Rejection> rejections() {
        return Collections.unmodifiableList(new ArrayList<>(rejections));
    }

    public synchronized String summary() {
        StringBuilder text = new StringBuilder(String.format("added %d, updated %d, unchanged %d, duplicates %d, rejected %d",
                countOf(IngestOutcome.ADDED), countOf(IngestOutcome.UPDATED), countOf(IngestOutcome.UNCHANGED),
                countOf(IngestOutcome.DUPLICATE), rejections.size()));
        for (Rejection rejection : rejections) {
            text.append(System.lineSeparator()).append("  rejected ").append(rejection.item()).append(": ").append(rejection.reason());
        }
        return text.toString();
    }
}
