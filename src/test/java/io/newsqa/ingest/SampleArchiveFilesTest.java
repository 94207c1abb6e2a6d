package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.article.PlainTextArticle;
import io.newsqa.support.Seed;
import io.newsqa.text.LanguageDetection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The files shipped in {@code sample-archive/}: the seed as it is, and fiction that says so. */
class SampleArchiveFilesTest {

    private static final Path FOLDER = Path.of("src", "main", "resources", "sample-archive");
    private static final Path SHIPPED_SEED = FOLDER.resolve(Seed.FILE.getFileName());
    private static final Set<String> FICTION_SOURCES =
            Set.of("NewsQA sample (fictional)", "عينة NewsQA (أخبار متخيلة)");

    @Test
    void shipsTheSeedByteForByte() throws IOException {
        assertThat(Files.readAllBytes(SHIPPED_SEED)).isEqualTo(Files.readAllBytes(Seed.file()));
    }

    @Test
    void everyFictionalArticleSaysWhatItIs() throws IOException {
        Map<Path, ParsedArticle> fiction = fiction();

        assertThat(fiction).hasSize(8);
        fiction.forEach((file, article) -> {
            assertThat(article.source()).as(file + " source").isIn(FICTION_SOURCES);
            assertThat(article.url())
                    .as(file + " url")
                    .startsWith("https://example.org/sample/" + article.language() + "/");
            assertThat(article.publishedAt()).as(file + " published").isNotNull();
            assertThat(article.publishedAt().getYear()).as(file + " year").isEqualTo(2025);
            assertThat(article.language())
                    .as(file + " language matches its text")
                    .isEqualTo(LanguageDetection.detect(article.body()));
            assertThat(article.body().split("\n\n")).as(file + " paragraphs").hasSizeBetween(3, 6);
            assertThat(article.body()).as(file + " has figures to ask about").containsPattern("\\d");
            assertThat(article.title() + article.body())
                    .as(file + " does not compete with the seed")
                    .doesNotContain("بوتين", "نتنياهو", "Putin", "Netanyahu");
        });
        assertThat(fiction.values())
                .filteredOn(article -> article.language().equals("ar"))
                .hasSize(5);
        assertThat(fiction.values())
                .filteredOn(article -> article.language().equals("en"))
                .hasSize(3);
    }

    @Test
    void includesStoriesToldInBothLanguages() throws IOException {
        Map<String, Set<String>> languagesByStory = fiction().values().stream()
                .collect(Collectors.groupingBy(
                        article -> article.url().replaceFirst("/sample/[a-z]+/", "/sample/"),
                        Collectors.mapping(ParsedArticle::language, Collectors.toSet())));

        assertThat(languagesByStory)
                .containsEntry("https://example.org/sample/tram-line-opens", Set.of("ar", "en"))
                .containsEntry("https://example.org/sample/museum-reopens", Set.of("ar", "en"));
    }

    private static Map<Path, ParsedArticle> fiction() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(FOLDER)) {
            files = listing.filter(file -> file.toString().endsWith(".txt") && !file.equals(SHIPPED_SEED))
                    .sorted()
                    .toList();
        }
        Map<Path, ParsedArticle> articles = new LinkedHashMap<>();
        for (Path file : files) {
            articles.put(file, PlainTextArticle.read(file));
        }
        return articles;
    }
}
