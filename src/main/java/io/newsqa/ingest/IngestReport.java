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

    /** An item not stored because the archive holds the same story: identical text, or a near copy. */
    public record Duplicate(String item, String originalId, boolean exact) {
    }

    /** Duplicates listed by name in the summary; the rest are counted. */
    private static final int LISTED_DUPLICATES = 10;

    private final List<Duplicate> duplicates = new ArrayList<>();
    private final Map<IngestOutcome, Integer> counts = new EnumMap<>(IngestOutcome.class);
    private final List<Rejection> rejections = new ArrayList<>();
    private int linkedToStory;
    private boolean stoppedEarly;

    public synchronized void count(IngestOutcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    /** Counts a {@link IngestOutcome#DUPLICATE} and remembers which stored article it copies. */
    public synchronized void duplicate(String item, String originalId, boolean exact) {
        count(IngestOutcome.DUPLICATE);
        duplicates.add(new Duplicate(item, originalId, exact));
    }

    public synchronized List<Duplicate> duplicates() {
        return Collections.unmodifiableList(new ArrayList<>(duplicates));
    }

    /** Counts an added article stored as another telling of an earlier article's story. */
    public synchronized void linkedToStory() {
        linkedToStory++;
    }

    /** Added articles linked to an earlier article's story (near copies below the duplicate threshold). */
    public synchronized int countLinkedToStory() {
        return linkedToStory;
    }

    /** Items handled so far, whatever happened to them. */
    public synchronized int items() {
        return counts.values().stream().mapToInt(Integer::intValue).sum() + rejections.size();
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

    /** The run was stopped before reading everything (shutdown); what it took is stored. */
    public synchronized void stopEarly() {
        stoppedEarly = true;
    }

    public synchronized boolean stoppedEarly() {
        return stoppedEarly;
    }

    public synchronized String summary() {
        String linked = linkedToStory == 0 ? "" : String.format(" (%d of them retelling an earlier article's story, linked to it)",
                linkedToStory);
        StringBuilder text = new StringBuilder(String.format("added %d%s, updated %d, unchanged %d, duplicates %d, rejected %d",
                countOf(IngestOutcome.ADDED), linked, countOf(IngestOutcome.UPDATED), countOf(IngestOutcome.UNCHANGED),
                countOf(IngestOutcome.DUPLICATE), rejections.size()));
        if (countOf(IngestOutcome.ELSEWHERE) > 0) {
            text.append(String.format(", stored by another ingest running at the same time %d", countOf(IngestOutcome.ELSEWHERE)));
        }
        for (Duplicate duplicate : duplicates.subList(0, Math.min(LISTED_DUPLICATES, duplicates.size()))) {
            text.append(System.lineSeparator()).append("  duplicate ").append(duplicate.item())
                    .append(duplicate.exact() ? ": same text as " : ": near copy of ").append(duplicate.originalId());
        }
        if (duplicates.size() > LISTED_DUPLICATES) {
            text.append(System.lineSeparator()).append("  ... and ").append(duplicates.size() - LISTED_DUPLICATES).append(" more duplicates");
        }
        for (Rejection rejection : rejections) {
            text.append(System.lineSeparator()).append("  rejected ").append(rejection.item()).append(": ").append(rejection.reason());
        }
        if (stoppedEarly) {
            text.append(System.lineSeparator()).append("stopped before the end: what was read is stored;"
                    + " run the same command again to ingest the rest");
        }
        return text.toString();
    }
}
