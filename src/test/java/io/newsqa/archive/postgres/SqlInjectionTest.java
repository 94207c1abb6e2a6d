package io.newsqa.archive.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.support.FreshSchemaArchive;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Articles whose title, text, source and link are SQL injection attempts are stored, listed,
 * found and filtered verbatim on PostgreSQL, and leave the tables as they were: every value
 * reaches the database as a bind parameter.
 */
class SqlInjectionTest {

    private static final String MODEL = "pg-injection-model";
    private static final int DIM = 4;
    private static final List<String> ATTACKS = List.of(
            "'; DROP TABLE articles; --",
            "Robert'); DELETE FROM chunks WHERE ('1'='1",
            "%' OR '1'='1' --",
            "x\\'; SELECT pg_sleep(10); --",
            "$$; DROP SCHEMA public CASCADE; $$",
            "' UNION SELECT id, body FROM articles --",
            "\"; TRUNCATE articles; --");

    private final FreshSchemaArchive fresh = new FreshSchemaArchive("pginject");
    private ArchiveIndex archive;

    @BeforeEach
    void open() {
        archive = fresh.open(MODEL, DIM);
    }

    @AfterEach
    void close() {
        fresh.drop(archive);
    }

    private static float[] vector(int i) {
        float[] v = new float[DIM];
        v[i % DIM] = 1;
        return v;
    }

    @Test
    void injectionStringsAreStoredAndFoundVerbatim() {
        for (int i = 0; i < ATTACKS.size(); i++) {
            String attack = ATTACKS.get(i);
            String body = "Lighthouse report " + i + ": " + attack + " was written on the harbour wall.";
            Article article = new Article(
                    "inj-" + i,
                    "https://news.example/?q=" + attack,
                    attack,
                    attack,
                    OffsetDateTime.parse("2025-02-01T10:00:00Z"),
                    "en",
                    "hash-inj-" + i,
                    body);
            archive.put(article, List.of(new Chunk(article.id(), 0, body, vector(i))));
        }

        assertThat(archive.stats().articles()).isEqualTo(ATTACKS.size());
        assertThat(archive.stats().chunks()).isEqualTo(ATTACKS.size());
        for (int i = 0; i < ATTACKS.size(); i++) {
            String attack = ATTACKS.get(i);
            Article stored = archive.findArticle("inj-" + i).orElseThrow();
            assertThat(stored.title()).isEqualTo(attack);
            assertThat(stored.source()).isEqualTo(attack);
            assertThat(stored.url()).isEqualTo("https://news.example/?q=" + attack);
            assertThat(archive.findByContentHash("hash-inj-" + i))
                    .map(Article::id)
                    .hasValue("inj-" + i);

            SearchFilter bySource = new SearchFilter(null, null, Set.of(attack), Set.of());
            List<ChunkHit> lexical = archive.lexicalSearch("lighthouse report " + attack, "en", 10, bySource);
            assertThat(lexical).extracting(hit -> hit.article().id()).containsExactly("inj-" + i);
            List<ChunkHit> dense = archive.denseSearch(vector(i), 10, bySource);
            assertThat(dense).extracting(hit -> hit.article().id()).containsExactly("inj-" + i);
            List<ChunkHit> weighted = archive.weightedLexicalSearch(
                    List.of(new WeightedTerm(attack, 1.0), new WeightedTerm("lighthouse", 1.0)), "en", 10, bySource);
            assertThat(weighted).extracting(hit -> hit.article().id()).containsExactly("inj-" + i);
        }
        assertThat(archive.listArticles(0, 100))
                .extracting(ArticleSummary::title)
                .containsExactlyInAnyOrderElementsOf(ATTACKS);
        assertThat(archive.facets().sources()).containsOnlyKeys(ATTACKS.toArray(String[]::new));
        // The query text itself is an attack too, with no filter: nothing is deleted or dropped.
        for (String attack : ATTACKS) {
            archive.lexicalSearch(attack, "en", 10, SearchFilter.none());
            archive.lexicalSearch(attack, "ar", 10, SearchFilter.none());
        }
        assertThat(archive.stats().articles()).isEqualTo(ATTACKS.size());
        assertThat(archive.delete("inj-0' OR '1'='1")).isFalse();
        assertThat(archive.stats().articles()).isEqualTo(ATTACKS.size());
    }
}
