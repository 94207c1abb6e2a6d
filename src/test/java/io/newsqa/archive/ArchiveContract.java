package io.newsqa.archive;

import io.newsqa.support.BackendUnderTest;
import io.newsqa.support.EachBackend;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the archive contract tests share: each test runs on both backends ({@link EachBackend}) and
 * starts from a fresh, empty archive; the articles they store.
 */
abstract class ArchiveContract {

    static final String MODEL = "test-model-v1";
    static final int DIM = 4;

    BackendUnderTest backend;
    ArchiveIndex archive;

    @BeforeEach
    void open(BackendUnderTest backend) {
        this.backend = backend;
        archive = backend.open(MODEL, DIM);
    }

    static Article article(
            String id, String title, String language, String source, OffsetDateTime published, String body) {
        return new Article(id, "https://news.example/" + id, title, source, published, language, "hash-" + id, body);
    }

    static float[] vec(float... values) {
        return values;
    }

    Article putSeedLike() {
        Article putin = article(
                "putin",
                "للمرة الثانية خلال أسبوع.. بوتين يجري اتصالا هاتفيا مع نتنياهو",
                "ar",
                "wire-a",
                OffsetDateTime.parse("2025-08-02T14:30:00+03:00"),
                "أعلن الكرملين أن الرئيس الروسي فلاديمير بوتين أجرى اتصالا هاتفيا مع بنيامين نتنياهو.");
        archive.put(
                putin,
                List.of(
                        new Chunk(
                                "putin",
                                0,
                                "أعلن الكرملين أن الرئيس الروسي فلاديمير بوتين أجرى اتصالا هاتفيا مع بنيامين نتنياهو.",
                                vec(1, 0, 0, 0)),
                        new Chunk(
                                "putin",
                                1,
                                "ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد.",
                                vec(0.9f, 0.1f, 0, 0))));
        return putin;
    }

    Article putEnglish() {
        Article floods = article(
                "floods",
                "River floods close the coastal road",
                "en",
                "wire-b",
                OffsetDateTime.parse("2024-03-10T08:00:00Z"),
                "The mayor called an emergency meeting after the river flooded the coastal road.");
        archive.put(
                floods,
                List.of(new Chunk(
                        "floods",
                        0,
                        "The mayor called an emergency meeting after the river flooded the coastal road.",
                        vec(0, 1, 0, 0))));
        return floods;
    }

    Article putUndated() {
        Article undated = article(
                "undated",
                "Harbour festival opens",
                "en",
                "wire-b",
                null,
                "The harbour festival opened with boats and music.");
        archive.put(
                undated,
                List.of(new Chunk("undated", 0, "The harbour festival opened with boats and music.", vec(0, 0, 1, 0))));
        return undated;
    }

    void putAsOneChunk(Article article, float[] vector) {
        archive.put(article, List.of(new Chunk(article.id(), 0, article.body(), vector)));
    }

    /** Stores articles one after another, far enough apart that their storage times differ. */
    static void putInOrder(Runnable... puts) throws InterruptedException {
        for (Runnable put : puts) {
            put.run();
            Thread.sleep(5);
        }
    }

    /**
     * Stores an article of its own story as archives written before articles were linked to
     * stories hold it: with no story recorded. The embedded archive writes none for such an
     * article anyway; PostgreSQL leaves the column NULL.
     */
    void storeAsBeforeStories(Article article, List<Chunk> chunks) {
        archive.put(article, chunks);
        backend.forgetStories(article.id());
    }

    /** The article, chunk texts, ordinals and vectors as stored, for comparing exports. */
    static String describe(StoredArticle stored) {
        StringBuilder text = new StringBuilder(stored.article().toString());
        for (Chunk chunk : stored.chunks()) {
            text.append(" | ")
                    .append(chunk.ordinal())
                    .append(' ')
                    .append(chunk.text())
                    .append(' ')
                    .append(java.util.Arrays.toString(chunk.embedding()));
        }
        return text.toString();
    }

    static List<StoredArticle> exported(ArchiveCatalog from) {
        List<StoredArticle> all = new java.util.ArrayList<>();
        from.forEachArticle(all::add);
        all.sort(java.util.Comparator.comparing(stored -> stored.article().id()));
        return all;
    }
}
