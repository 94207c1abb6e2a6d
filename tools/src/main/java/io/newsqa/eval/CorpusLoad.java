package io.newsqa.eval;

/**
 * What went into one fresh archive.
 *
 * @param backgroundSkipped articles left out for being or holding an evaluated paragraph
 * @param background        the background's ingest: added, duplicates, rejected
 */
public record CorpusLoad(
        String archive,
        String corpus,
        int paragraphs,
        int emptyParagraphs,
        int questionsOfEmpty,
        boolean titles,
        int backgroundRead,
        int backgroundSkipped,
        int backgroundAdded,
        int backgroundDuplicates,
        int backgroundRejected) {

    /** One line for the report. */
    public String describe() {
        String text = String.format(
                "%s %s: %d paragraphs stored, %d empty skipped (with their %d questions), titles %s",
                archive, corpus, paragraphs, emptyParagraphs, questionsOfEmpty, titles ? "indexed" : "not indexed");
        if (backgroundRead > 0) {
            text += String.format(
                    "; background: %d articles read, %d skipped as an evaluated paragraph, %d loaded,"
                            + " %d duplicates, %d rejected",
                    backgroundRead, backgroundSkipped, backgroundAdded, backgroundDuplicates, backgroundRejected);
        }
        return text;
    }
}
