package io.newsqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every hand-written newsroom question set (SQuAD v2.0 over real SaudiNewsNet articles) must
 * hold to: a broken span or a paraphrased context would silently skew the figures measured on it
 * (docs/reference/answers.md describes the sets). A subclass names its file and the days its articles come from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NewsroomSetContract {

    /** The set on the test class path, e.g. {@code /eval/newsroom-dev.json}. */
    abstract String resource();

    /** The SaudiNewsNet days ({@code yyyy-mm-dd}, one zip each) its articles are taken from. */
    abstract List<String> days();

    private static final Set<String> KINDS = Set.of("who", "when", "where", "how-many", "why", "how", "what", "latest");
    private static final Pattern ARABIC_LETTER = Pattern.compile("\\p{InArabic}");
    private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");
    /** A gold answer is a name, a number with its unit, a date or a short clause, never a paragraph. */
    private static final int LONGEST_ANSWER = 120;

    JsonNode root;
    final List<Article> articles = new ArrayList<>();
    final List<Qa> questions = new ArrayList<>();

    record Article(JsonNode node, String title, String context) {}

    record Qa(Article article, JsonNode node) {

        String id() {
            return node.path("id").asText("");
        }

        String question() {
            return node.path("question").asText("");
        }

        boolean impossible() {
            return node.path("is_impossible").asBoolean(false);
        }
    }

    @BeforeAll
    void read() throws IOException {
        try (InputStream in = NewsroomSetContract.class.getResourceAsStream(resource())) {
            assertThat(in).as(resource() + " on the test class path").isNotNull();
            root = new ObjectMapper().readTree(in);
        }
        for (JsonNode title : root.path("data")) {
            for (JsonNode paragraph : title.path("paragraphs")) {
                Article article = new Article(
                        title,
                        title.path("title").asText(""),
                        paragraph.path("context").asText(""));
                articles.add(article);
                paragraph.path("qas").forEach(qa -> questions.add(new Qa(article, qa)));
            }
        }
    }

    @Test
    void isSquadV2WithOneTitledArticlePerEntryAndEnoughOfThem() {
        assertThat(root.path("version").asText()).isEqualTo("v2.0");
        assertThat(root.path("data")).allSatisfy(title -> {
            assertThat(title.path("title").asText()).as("title").isNotBlank();
            assertThat(title.path("paragraphs"))
                    .as("paragraphs of " + title.path("title"))
                    .hasSize(1);
        });
        assertThat(articles).hasSizeGreaterThanOrEqualTo(40);
        assertThat(articles)
                .extracting(Article::context)
                .doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).isNotBlank());
        assertThat(articles)
                .allSatisfy(a ->
                        assertThat(questions).as("questions about " + a.title()).anyMatch(q -> q.article() == a));
        assertThat(articles)
                .extracting(a -> a.node().path("source").asText())
                .as("newspapers")
                .doesNotContain("");
        assertThat(new HashSet<>(articles.stream()
                        .map(a -> a.node().path("source").asText())
                        .toList()))
                .as("distinct newspapers")
                .hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void questionsHaveUniqueIdsAndAreAboutTwoThirdsArabicOneThirdEnglish() {
        assertThat(questions).hasSizeGreaterThanOrEqualTo(150);
        assertThat(questions).extracting(Qa::id).doesNotContain("").doesNotHaveDuplicates();
        long arabic = questions.stream().filter(q -> isArabic(q.question())).count();
        long english = questions.stream().filter(q -> isEnglish(q.question())).count();
        assertThat(arabic + english)
                .as("every question is either Arabic or English")
                .isEqualTo(questions.size());
        assertThat((double) arabic / questions.size()).as("Arabic share").isBetween(0.58, 0.75);
        assertThat((double) english / questions.size()).as("English share").isBetween(0.25, 0.42);
        assertThat(questions)
                .allSatisfy(q -> assertThat(q.node().path("language").asText())
                        .as("declared language of " + q.id())
                        .isEqualTo(isArabic(q.question()) ? "ar" : "en"));
    }

    @Test
    void everyKindOfReaderQuestionIsAskedInBothLanguages() {
        assertThat(questions)
                .allSatisfy(q -> assertThat(KINDS)
                        .as("kind of " + q.id())
                        .contains(q.node().path("kind").asText()));
        for (String language : List.of("ar", "en")) {
            Set<String> asked = new HashSet<>();
            questions.stream()
                    .filter(q -> q.node().path("language").asText().equals(language) && !q.impossible())
                    .forEach(q -> asked.add(q.node().path("kind").asText()));
            assertThat(asked).as("answerable kinds asked in " + language).containsExactlyInAnyOrderElementsOf(KINDS);
        }
    }

    @Test
    void everyGoldAnswerIsAShortExactSpanOfItsArticle() {
        List<Qa> answerable = questions.stream().filter(q -> !q.impossible()).toList();
        assertThat(answerable).allSatisfy(q -> {
            assertThat(q.node().path("is_impossible").isBoolean())
                    .as("is_impossible of " + q.id())
                    .isTrue();
            assertThat(q.node().path("answers")).as("answers of " + q.id()).isNotEmpty();
            for (JsonNode answer : q.node().path("answers")) {
                String text = answer.path("text").asText("");
                int start = answer.path("answer_start").asInt(-1);
                assertThat(text)
                        .as("answer of " + q.id())
                        .isNotBlank()
                        .hasSizeLessThanOrEqualTo(LONGEST_ANSWER)
                        .isEqualTo(text.strip());
                assertThat(start)
                        .as("answer_start of " + q.id())
                        .isBetween(0, q.article().context().length() - text.length());
                assertThat(q.article().context().substring(start, start + text.length()))
                        .as("span of " + q.id())
                        .isEqualTo(text);
            }
        });
    }

    @Test
    void unanswerableQuestionsAreMarkedAndHaveNoAnswer() {
        List<Qa> impossible = questions.stream().filter(Qa::impossible).toList();
        assertThat(impossible).hasSizeGreaterThanOrEqualTo(30);
        assertThat(impossible)
                .allSatisfy(q -> assertThat(q.node().path("answers"))
                        .as("answers of " + q.id())
                        .isEmpty());
        assertThat(impossible).as("unanswerable questions in English").anyMatch(q -> isEnglish(q.question()));
    }

    @Test
    void timeWordQuestionsCarryAReferenceDateOnTheArticleDayOrTheDayAfter() {
        List<Qa> dated =
                questions.stream().filter(q -> q.node().has("reference_date")).toList();
        assertThat(dated).hasSizeGreaterThanOrEqualTo(15);
        assertThat(dated).allSatisfy(q -> {
            LocalDate reference = date(q.node().path("reference_date").asText(), "reference_date of " + q.id());
            LocalDate published = date(
                    q.article().node().path("date").asText(),
                    "date of " + q.article().title());
            assertThat(reference).as("reference_date of " + q.id()).isBetween(published, published.plusDays(1));
        });
        assertThat(dated).as("dated questions in English").anyMatch(q -> isEnglish(q.question()));
        // Without the day it is asked, "the latest" is whatever the last article of the archive says.
        assertThat(questions)
                .filteredOn(q -> q.node().path("kind").asText().equals("latest"))
                .allSatisfy(q -> assertThat(q.node().has("reference_date"))
                        .as("reference_date of " + q.id())
                        .isTrue());
    }

    @Test
    void everyContextIsTheVerbatimTextOfItsSaudiNewsNetArticle() throws IOException {
        Path folder = saudiNewsNet();
        assumeTrue(
                folder != null,
                "SaudiNewsNet is not here (../shared/bench/saudinewsnet): the verbatim check is skipped");
        Map<String, JsonNode> byContent = new HashMap<>();
        for (String day : days()) {
            Path zip = folder.resolve(day + ".zip");
            assumeTrue(Files.isRegularFile(zip), zip + " is missing");
            try (ZipFile file = new ZipFile(zip.toFile())) {
                ZipEntry entry = file.getEntry(day + ".json");
                try (InputStream in = file.getInputStream(entry)) {
                    for (JsonNode article : new ObjectMapper().readTree(in)) {
                        byContent.putIfAbsent(article.path("content").asText(""), article);
                    }
                }
            }
        }
        assertThat(articles).allSatisfy(a -> {
            JsonNode original = byContent.get(a.context());
            assertThat(original)
                    .as("SaudiNewsNet article with the context of " + a.title())
                    .isNotNull();
            assertThat(a.title()).isEqualTo(trimmed(original.path("title").asText()));
            assertThat(a.node().path("url").asText())
                    .isEqualTo(original.path("url").asText());
            assertThat(a.node().path("date").asText())
                    .isEqualTo(original.path("date_extracted").asText().substring(0, 10));
        });
    }

    static Path saudiNewsNet() {
        for (Path candidate :
                List.of(Path.of("../shared/bench/saudinewsnet"), Path.of("/work/shared/bench/saudinewsnet"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Titles are stored without the spaces (no-break spaces included) the newspapers left around them. */
    private static String trimmed(String title) {
        return title.replaceAll("^[\\p{Z}\\s]+|[\\p{Z}\\s]+$", "");
    }

    static LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new AssertionError(what + " is not an ISO date (yyyy-mm-dd): \"" + text + "\"", e);
        }
    }

    private static boolean isArabic(String question) {
        return ARABIC_LETTER.matcher(question).find();
    }

    private static boolean isEnglish(String question) {
        return !isArabic(question) && LATIN_LETTER.matcher(question).find();
    }
}
