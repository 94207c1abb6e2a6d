package io.newsqa.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.answer.ExtractiveSettings;
import io.newsqa.answer.SentenceEmbedder;
import io.newsqa.answer.conversation.Conversations;
import io.newsqa.answer.llm.Prompts;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.support.BackendUnderTest;
import io.newsqa.support.EachBackend;
import io.newsqa.translate.CrossLingualRanking;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * A developing story on every archive: an article extended with a new paragraph is stored as an
 * update in the story of the original whichever arrives first in a run or in a later one; the
 * shorter of the two, arriving second, is the copy; a verbatim or trimmed republication is a copy;
 * a correction that changes one number is a different fact and is stored. Answers take a fact both
 * tellings give from the newer one and cite the update for what only it says. A fictional robbery
 * in a fictional town, in Arabic.
 */
class StoryUpdatesContractTest {

    private static EmbeddingModel sharedModel;

    static final String ORIGINAL =
            "أعلنت شرطة مدينة الواحة الخيالية اليوم القبض على شخصين بتهمة سرقة متجر للمجوهرات في السوق القديم."
                    + " وقال المتحدث باسم الشرطة إن قيمة المسروقات تبلغ 250 ألف ريال، وإن المتهمين اعترفا بالسرقة أمام المحققين."
                    + " وأوضح أن كاميرات المراقبة في السوق ساعدت على التعرف على المتهمين خلال يومين من وقوع الحادثة."
                    + " وأحيل المتهمان إلى النيابة العامة لاستكمال التحقيق معهما قبل تقديمهما إلى المحكمة.";
    static final String NEW_PARAGRAPH = "وفي تطور لاحق، أعلنت الشرطة اليوم اعتقال ثلاثة مشتبه بهم جدد في القضية،"
            + " وضبطت جزءا من المسروقات في مستودع مهجور بالحي الصناعي.";
    static final String EXTENDED = ORIGINAL + "\n\n" + NEW_PARAGRAPH;
    static final String CORRECTED = ORIGINAL.replace("250", "350");
    /** The first two sentences only, as a short brief. */
    static final String TRIMMED = ORIGINAL.substring(0, ORIGINAL.indexOf(" وأوضح"));

    static final String UNRELATED =
            "افتتحت بلدية مدينة الواحة الخيالية سوقا جديدا للمزارعين يوم الخميس في الساحة القديمة وسط المدينة."
                    + " ويضم السوق أكثر من ستين كشكا لبيع الخضار والفواكه والتمور من مزارع المنطقة.";

    private ArchiveIndex archive;

    @BeforeEach
    void open(BackendUnderTest backend) {
        archive = backend.open("all-minilm-l6-v2-q", model().dimension());
    }

    private static ParsedArticle article(String outlet, String day, String body) {
        return new ParsedArticle(
                "سرقة متجر مجوهرات في الواحة",
                body,
                "https://" + outlet + ".example/robbery",
                outlet,
                OffsetDateTime.parse("2025-03-" + day + "T10:00:00+03:00"),
                "ar");
    }

    private static final ParsedArticle ORIGINAL_REPORT = article("wire-a", "01", ORIGINAL);
    private static final ParsedArticle EXTENDED_REPORT = article("wire-b", "02", EXTENDED);

    private static String idOf(ParsedArticle parsed) {
        return ArticleIdentity.articleId(parsed.url(), ArticleIdentity.contentHash(parsed.body()));
    }

    private ArticleIngestor ingestor() {
        return new ArticleIngestor(archive, model(), new Chunker(new HuggingFaceTokenCountEstimator(), 200));
    }

    /** The first article, then the second in the same run or in a later one; the report of the second. */
    private IngestReport ingestInOrder(boolean sameRun, ParsedArticle first, ParsedArticle second) {
        IngestReport report = new IngestReport();
        try (IngestRun run = ingestor().startRun(sameRun ? report : new IngestReport())) {
            run.accept("first", first);
            if (sameRun) {
                run.accept("second", second);
            }
        }
        if (!sameRun) {
            try (IngestRun run = ingestor().startRun(report)) {
                run.accept("second", second);
            }
        }
        return report;
    }

    private String storyOf(ParsedArticle parsed) {
        return archive.findArticle(idOf(parsed)).map(Article::storyId).orElseThrow();
    }

    @EachBackend
    void anExtendedVersionAfterTheOriginalIsStoredAsAnUpdateInItsStoryInOneRun() {
        anExtendedVersionAfterTheOriginalIsStoredAsAnUpdateInItsStory(true);
    }

    @EachBackend
    void anExtendedVersionAfterTheOriginalIsStoredAsAnUpdateInItsStoryAcrossRuns() {
        anExtendedVersionAfterTheOriginalIsStoredAsAnUpdateInItsStory(false);
    }

    private void anExtendedVersionAfterTheOriginalIsStoredAsAnUpdateInItsStory(boolean sameRun) {
        IngestReport report = ingestInOrder(sameRun, ORIGINAL_REPORT, EXTENDED_REPORT);

        assertThat(archive.stats().articles()).isEqualTo(2);
        assertThat(report.duplicates()).isEmpty();
        assertThat(report.updates())
                .singleElement()
                .isEqualTo(new IngestReport.Update("second", idOf(ORIGINAL_REPORT), 1));
        assertThat(report.summary()).contains("  added second: update of " + idOf(ORIGINAL_REPORT) + ": +1 sentence");
        assertThat(storyOf(EXTENDED_REPORT)).isEqualTo(idOf(ORIGINAL_REPORT));
        assertThat(storyOf(ORIGINAL_REPORT)).isEqualTo(idOf(ORIGINAL_REPORT));
    }

    @EachBackend
    void theOriginalAfterTheExtendedVersionIsACopyOfItInOneRun() {
        theOriginalAfterTheExtendedVersionIsACopyOfIt(true);
    }

    @EachBackend
    void theOriginalAfterTheExtendedVersionIsACopyOfItAcrossRuns() {
        theOriginalAfterTheExtendedVersionIsACopyOfIt(false);
    }

    private void theOriginalAfterTheExtendedVersionIsACopyOfIt(boolean sameRun) {
        IngestReport report = ingestInOrder(sameRun, EXTENDED_REPORT, ORIGINAL_REPORT);

        assertThat(archive.stats().articles()).isEqualTo(1);
        assertThat(report.countOf(IngestOutcome.DUPLICATE)).isEqualTo(1);
        assertThat(report.duplicates())
                .singleElement()
                .isEqualTo(new IngestReport.Duplicate("second", idOf(EXTENDED_REPORT), false));
        assertThat(report.summary()).contains("duplicate second: copy of " + idOf(EXTENDED_REPORT));
        assertThat(storyOf(EXTENDED_REPORT)).isEqualTo(idOf(EXTENDED_REPORT));
    }

    @EachBackend
    void verbatimAndTrimmedRepublicationsAreCopiesInOneRun() {
        verbatimAndTrimmedRepublicationsAreCopies(true);
    }

    @EachBackend
    void verbatimAndTrimmedRepublicationsAreCopiesAcrossRuns() {
        verbatimAndTrimmedRepublicationsAreCopies(false);
    }

    private void verbatimAndTrimmedRepublicationsAreCopies(boolean sameRun) {
        ParsedArticle verbatim = article("wire-c", "02", ORIGINAL);
        ParsedArticle trimmed = article("wire-d", "03", TRIMMED);

        IngestReport report = ingestInOrder(sameRun, ORIGINAL_REPORT, verbatim);
        try (IngestRun run = ingestor().startRun(report)) {
            run.accept("trimmed", trimmed);
        }

        assertThat(archive.stats().articles()).isEqualTo(1);
        assertThat(report.duplicates())
                .containsExactly(
                        new IngestReport.Duplicate("second", idOf(ORIGINAL_REPORT), true),
                        new IngestReport.Duplicate("trimmed", idOf(ORIGINAL_REPORT), false));
        assertThat(storyOf(ORIGINAL_REPORT)).isEqualTo(idOf(ORIGINAL_REPORT));
    }

    @EachBackend
    void theAgencysDatelineTimeStampAndALinkToItsHeadlineAddNothing() {
        ParsedArticle agency = article(
                "wire-g",
                "02",
                "الواحة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n" + ORIGINAL + "\n// انتهى //\n11:17 ت م");

        IngestReport report = ingestInOrder(true, ORIGINAL_REPORT, agency);

        assertThat(report.duplicates())
                .singleElement()
                .isEqualTo(new IngestReport.Duplicate("second", idOf(ORIGINAL_REPORT), false));
        assertThat(archive.stats().articles()).isEqualTo(1);
    }

    @EachBackend
    void aCorrectionOfOneNumberIsADifferentFactStoredInTheStoryInOneRun() {
        aCorrectionOfOneNumberIsADifferentFactStoredInTheStory(true);
    }

    @EachBackend
    void aCorrectionOfOneNumberIsADifferentFactStoredInTheStoryAcrossRuns() {
        aCorrectionOfOneNumberIsADifferentFactStoredInTheStory(false);
    }

    private void aCorrectionOfOneNumberIsADifferentFactStoredInTheStory(boolean sameRun) {
        ParsedArticle corrected = article("wire-e", "02", CORRECTED);

        IngestReport report = ingestInOrder(sameRun, ORIGINAL_REPORT, corrected);

        assertThat(archive.stats().articles()).isEqualTo(2);
        assertThat(report.duplicates()).isEmpty();
        assertThat(report.updates())
                .singleElement()
                .isEqualTo(new IngestReport.Update("second", idOf(ORIGINAL_REPORT), 1));
        assertThat(storyOf(corrected)).isEqualTo(idOf(ORIGINAL_REPORT));
    }

    @EachBackend
    void anUnrelatedArticleOfTheSameTownIsItsOwnStory() {
        ParsedArticle market = article("wire-f", "02", UNRELATED);

        IngestReport report = ingestInOrder(true, ORIGINAL_REPORT, market);

        assertThat(report.updates()).isEmpty();
        assertThat(report.countLinkedToStory()).isZero();
        assertThat(storyOf(market)).isEqualTo(idOf(market));
    }

    @EachBackend
    void answersQuoteTheUpdateForWhatOnlyItSaysAndForWhatBothSay() {
        ingestInOrder(false, ORIGINAL_REPORT, EXTENDED_REPORT);
        HybridSearch search = new HybridSearch(
                archive,
                model(),
                new HybridSearch.Settings(language -> new FusionWeights(0, 1, 60), 2, 2, false),
                CrossLingualRanking.off(),
                QuestionTime.off());
        ExtractiveAnswerer extractive = new ExtractiveAnswerer(
                new SentenceEmbedder(model()),
                new ExtractiveSettings(Map.of("ar", 0.5, "default", 0.5), Map.of("ar", 0.0, "default", 0.0), 1, 700));
        AnswerService answers = new AnswerService(
                search, 6, extractive, Prompts.load(null), null, new Conversations(new InMemoryChatMemoryStore(), 10));

        Answer arrests = answers.ask("كم مشتبها جديدا اعتقلت الشرطة؟");
        Answer value = answers.ask("كم تبلغ قيمة المسروقات من متجر المجوهرات؟");

        assertThat(arrests.answer()).contains("ثلاثة مشتبه بهم جدد");
        assertThat(arrests.citations())
                .singleElement()
                .satisfies(c -> assertThat(c.articleId()).isEqualTo(idOf(EXTENDED_REPORT)));
        assertThat(value.answer()).contains("250 ألف ريال");
        assertThat(value.citations())
                .singleElement()
                .satisfies(c -> assertThat(c.articleId()).isEqualTo(idOf(EXTENDED_REPORT)));
    }

    private static synchronized EmbeddingModel model() {
        if (sharedModel == null) {
            sharedModel = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return sharedModel;
    }
}
