package io.newsqa.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The tally of one ingest run: what happened to each item, and why rejected ones were. */
public final class IngestReport {

    /** An item that was not stored, and the reason in words a newsroom can act on. */
    public record Rejection(String item, String reason) {}

    /** An item not stored because the archive tells all of it already: identical text, or a copy. */
    public record Duplicate(String item, String originalId, boolean exact) {}

    /** An item stored as an update of a stored article: it tells that article and adds sentences to it. */
    public record Update(String item, String originalId, int addedSentences) {}

    /** Duplicates and updates listed by name in the summary; the rest are counted. */
    private static final int LISTED = 10;

    private final List<Duplicate> duplicates = new ArrayList<>();
    private final List<Update> updates = new ArrayList<>();
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

    /** Records an added article that updates a stored one (in its story) with {@code addedSentences} sentences. */
    public synchronized void update(String item, String originalId, int addedSentences) {
        updates.add(new Update(item, originalId, addedSentences));
    }

    public synchronized List<Update> updates() {
        return Collections.unmodifiableList(new ArrayList<>(updates));
    }

    /** Counts an added article stored as another telling of an earlier article's story. */
    public synchronized void linkedToStory() {
        linkedToStory++;
    }

    /** Added articles linked to an earlier article's story as retellings (updates are counted in {@link #updates()}). */
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
        List<String> kinds = new ArrayList<>();
        if (!updates.isEmpty()) {
            kinds.add(updates.size() + " of them updating a stored article");
        }
        if (linkedToStory > 0) {
            kinds.add(linkedToStory + " of them retelling an earlier article's story, linked to it");
        }
        String linked = kinds.isEmpty() ? "" : " (" + String.join("; ", kinds) + ")";
        StringBuilder text = new StringBuilder(String.format(
                "added %d%s, updated %d, unchanged %d, duplicates %d, rejected %d",
                countOf(IngestOutcome.ADDED),
                linked,
                countOf(IngestOutcome.UPDATED),
                countOf(IngestOutcome.UNCHANGED),
                countOf(IngestOutcome.DUPLICATE),
                rejections.size()));
        if (countOf(IngestOutcome.ELSEWHERE) > 0) {
            text.append(String.format(
                    ", stored by another ingest running at the same time %d", countOf(IngestOutcome.ELSEWHERE)));
        }
        for (Update update : updates.subList(0, Math.min(LISTED, updates.size()))) {
            text.append(System.lineSeparator())
                    .append("  added ")
                    .append(update.item())
                    .append(": update of ")
                    .append(update.originalId())
                    .append(": +")
                    .append(update.addedSentences())
                    .append(update.addedSentences() == 1 ? " sentence" : " sentences");
        }
        more(text, updates.size(), "updates");
        for (Duplicate duplicate : duplicates.subList(0, Math.min(LISTED, duplicates.size()))) {
            text.append(System.lineSeparator())
                    .append("  duplicate ")
                    .append(duplicate.item())
                    .append(duplicate.exact() ? ": same text as " : ": copy of ")
                    .append(duplicate.originalId());
        }
        more(text, duplicates.size(), "duplicates");
        for (Rejection rejection : rejections) {
            text.append(System.lineSeparator())
                    .append("  rejected ")
                    .append(rejection.item())
                    .append(": ")
                    .append(rejection.reason());
        }
        if (stoppedEarly) {
            text.append(System.lineSeparator())
                    .append("stopped before the end: what was read is stored;"
                            + " run the same command again to ingest the rest");
        }
        if (!rejections.isEmpty()) {
            text.append(System.lineSeparator()).append("rejected by reason:");
            Map<String, Long> byReason = rejections.stream()
                    .collect(Collectors.groupingBy(Rejection::reason, TreeMap::new, Collectors.counting()));
            byReason.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(reason -> text.append(System.lineSeparator())
                            .append(String.format("  %5d  %s", reason.getValue(), reason.getKey())));
        }
        return text.toString();
    }

    private static void more(StringBuilder text, int count, String what) {
        if (count > LISTED) {
            text.append(System.lineSeparator())
                    .append("  ... and ")
                    .append(count - LISTED)
                    .append(" more ")
                    .append(what);
        }
    }
}
