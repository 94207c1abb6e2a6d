package io.newsqa.eval;

import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.source.ArticleSink;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import io.newsqa.text.DebrisCleaner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real news stored around the evaluated paragraphs, so that a question is asked of an archive
 * the size of a newsroom's and not of a few dozen paragraphs: articles read from dump files
 * (SaudiNewsNet: one ZIP per day holding one JSON array) by the ingest's own readers, in file order.
 *
 * <p>An article whose text is an evaluated paragraph, or holds one, is that paragraph's source:
 * it is not stored a second time (the question would find two golds), and its publication date
 * becomes the paragraph's, so that time words in questions can find it.
 */
public final class Background {

    private final List<String> files;
    private final List<ParsedArticle> articles;
    private final int unreadable;

    private Background(List<String> files, List<ParsedArticle> articles, int unreadable) {
        this.files = List.copyOf(files);
        this.articles = List.copyOf(articles);
        this.unreadable = unreadable;
    }

    /** No background: the paragraphs alone. */
    public static Background none() {
        return new Background(List.of(), List.of(), 0);
    }

    /**
     * Reads every article of the files into memory (a few thousand news articles are a few
     * megabytes); an item that cannot be read is counted and left out.
     */
    public static Background read(List<Path> files) {
        List<ParsedArticle> read = new ArrayList<>();
        int[] unreadable = {0};
        List<String> inputs = files.stream().map(Path::toString).toList();
        new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(20))
                .read(
                        inputs,
                        new ArticleSink() {
                            @Override
                            public void accept(String item, ParsedArticle article) {
                                read.add(article);
                            }

                            @Override
                            public void reject(String item, String reason) {
                                unreadable[0]++;
                            }
                        },
                        bytes -> {});
        return new Background(inputs, read, unreadable[0]);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public List<String> files() {
        return files;
    }

    /** Articles read. */
    public int size() {
        return articles.size();
    }

    /** Items of the files that could not be read as articles. */
    public int unreadable() {
        return unreadable;
    }

    /**
     * @param articles the articles to store around the corpus, in file order
     * @param skipped  articles left out for being, or holding, an evaluated paragraph
     * @param dates    paragraph index → the publication date of the first article that is or holds it
     */
    public record Selection(List<ParsedArticle> articles, int skipped, Map<Integer, OffsetDateTime> dates) {}

    /** What to store around {@code corpus}'s paragraphs. */
    public Selection around(SquadFile corpus) {
        // A paragraph copied from the raw dump may still hold what the reader cleans away (bylines, "read also").
        List<String> paragraphs =
                corpus.paragraphs().stream().map(p -> comparable(p.text())).toList();
        List<String> cleaned = corpus.paragraphs().stream()
                .map(p -> comparable(DebrisCleaner.clean(p.text(), null)))
                .toList();
        List<ParsedArticle> kept = new ArrayList<>();
        Map<Integer, OffsetDateTime> dates = new HashMap<>();
        int skipped = 0;
        for (ParsedArticle article : articles) {
            String text = comparable(article.body());
            boolean holdsOne = false;
            for (int p = 0; p < paragraphs.size(); p++) {
                if (holds(text, paragraphs.get(p)) || holds(text, cleaned.get(p))) {
                    holdsOne = true;
                    if (article.publishedAt() != null) {
                        dates.putIfAbsent(p, article.publishedAt());
                    }
                }
            }
            if (holdsOne) {
                skipped++;
            } else {
                kept.add(article);
            }
        }
        return new Selection(kept, skipped, dates);
    }

    private static boolean holds(String article, String paragraph) {
        return !paragraph.isEmpty() && article.contains(paragraph);
    }

    /**
     * Letters and digits only, words separated by one space: the ingest cleans an article's
     * spacing and punctuation marks, a paragraph copied from the raw dump keeps them.
     */
    static String comparable(String text) {
        return AnswerQuality.normalised(text);
    }
}
