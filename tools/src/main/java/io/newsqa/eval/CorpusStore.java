package io.newsqa.eval;

import io.newsqa.archive.ArchiveLoad;
import io.newsqa.archive.Article;
import io.newsqa.archive.StoredArticle;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.text.LanguageDetection;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a fresh archive with a corpus: one article per paragraph, stored as it is, then the
 * background news through the ingest as any dump.
 */
final class CorpusStore {

    /** Paragraphs embedded per call and stored per write. */
    private static final int STORE_BATCH = 64;

    private final PrintStream progress;

    CorpusStore(PrintStream progress) {
        this.progress = progress;
    }

    /**
     * One article per paragraph, stored as it is (no duplicate detection); returns them in
     * paragraph order, with their vectors, so that a deleted one can be stored again without
     * embedding it again.
     */
    List<StoredArticle> storeParagraphs(
            EvalArchive fresh,
            ArticleIngestor ingestor,
            SquadFile corpus,
            boolean titles,
            Map<Integer, OffsetDateTime> dates) {
        long start = System.nanoTime();
        List<StoredArticle> stored = new ArrayList<>(corpus.paragraphs().size());
        try (ArchiveLoad load = fresh.archive().startLoad()) {
            for (int from = 0; from < corpus.paragraphs().size(); from += STORE_BATCH) {
                List<Article> batch = new ArrayList<>();
                for (int i = from; i < Math.min(corpus.paragraphs().size(), from + STORE_BATCH); i++) {
                    batch.add(paragraphArticle(corpus, i, titles, dates.getOrDefault(i, fileDate(corpus, i))));
                }
                List<StoredArticle> embedded = ingestor.embed(batch);
                fresh.archive().putAll(embedded);
                stored.addAll(embedded);
            }
        }
        progress.printf(
                "%s: stored %d paragraphs of %s (%s) in %.1f s, %d chunks%n",
                fresh.kind(),
                stored.size(),
                corpus.name(),
                corpus.language(),
                (System.nanoTime() - start) / 1e9,
                fresh.archive().stats().chunks());
        return stored;
    }

    /** The background news, through the ingest as any dump: duplicates and near copies are not stored. */
    IngestReport loadBackground(EvalArchive fresh, ArticleIngestor ingestor, Background.Selection selection) {
        IngestReport report = new IngestReport();
        if (selection.articles().isEmpty()) {
            return report;
        }
        long start = System.nanoTime();
        try (IngestRun run = ingestor.startRun(report)) {
            for (ParsedArticle article : selection.articles()) {
                run.accept(item(article), article);
            }
        }
        progress.printf(
                "%s: background news %s in %.1f s, %d chunks in the archive%n",
                fresh.kind(),
                report.summary().lines().findFirst().orElse(""),
                (System.nanoTime() - start) / 1e9,
                fresh.archive().stats().chunks());
        return report;
    }

    /**
     * Whether the file's titles are in its paragraphs' language, judged on all of them together
     * (one title is too short to tell): XQuAD's are English in every language.
     */
    static boolean titlesInTextLanguage(SquadFile corpus) {
        Set<String> titles = new LinkedHashSet<>();
        corpus.paragraphs().forEach(p -> titles.add(p.title()));
        titles.remove("");
        return !titles.isEmpty()
                && LanguageDetection.detect(String.join("\n", titles)).equals(corpus.language());
    }

    /** How a background article is named in the ingest's report. */
    static String item(ParsedArticle article) {
        return article.url() == null ? article.title() : article.url();
    }

    /**
     * The publication day the file gives the paragraph's article, at noon UTC so that it falls on
     * that day in every time zone a newsroom uses; {@code null} when it gives none. Used when no
     * background article is the paragraph's source: a question's time words ("today") then still
     * find it, as they would find the article in the product.
     */
    static OffsetDateTime fileDate(SquadFile corpus, int paragraph) {
        LocalDate day = corpus.paragraphs().get(paragraph).date();
        return day == null ? null : day.atTime(12, 0).atOffset(ZoneOffset.UTC);
    }

    /** The article a paragraph becomes: its text, its title when asked for, the date of its source when known. */
    static Article paragraphArticle(SquadFile corpus, int paragraph, boolean withTitle, OffsetDateTime publishedAt) {
        String text = corpus.text(paragraph);
        String hash = ArticleIdentity.contentHash(text);
        String url = "squad:" + corpus.name() + "#" + paragraph;
        String title = withTitle ? corpus.paragraphs().get(paragraph).title() : "";
        return new Article(
                ArticleIdentity.articleId(url, hash),
                url,
                title,
                corpus.name(),
                publishedAt,
                corpus.language(),
                hash,
                text);
    }
}
