package io.newsqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.answer.Citation;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.answer.ExtractiveSettings;
import io.newsqa.answer.SentenceEmbedder;
import io.newsqa.answer.conversation.Conversations;
import io.newsqa.answer.llm.ChatProviders;
import io.newsqa.answer.llm.LlmAnswerer;
import io.newsqa.answer.llm.LlmProperties;
import io.newsqa.answer.llm.Prompts;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.SearchFilter;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.support.BackendUnderTest;
import io.newsqa.support.EachBackend;
import io.newsqa.support.FakeProviderServer;
import io.newsqa.translate.CrossLingualRanking;
import io.newsqa.translate.DictionaryTranslators;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;

/**
 * Hybrid search over a real archive, the same on both backends ({@link EachBackend}): filters, time words,
 * the recency prior, fusion, and stories told by several outlets (linked at ingest, capped in
 * retrieval, cited once in answers). Fictional dated articles about one story (the Lumen bridge in
 * Varrow), read on 12 March 2025 at noon UTC.
 */
public class HybridSearchContractTest {

    static final Clock NOON_12_MARCH =
            Clock.fixed(OffsetDateTime.parse("2025-03-12T12:00:00Z").toInstant(), ZoneOffset.UTC);
    static final Map<String, FusionWeights> WEIGHTS =
            Map.of("ar", new FusionWeights(0, 1, 60), "en", new FusionWeights(0.3, 1, 60));

    private static EmbeddingModel sharedModel;

    private ArchiveIndex archive;
    private HybridSearch search;
    private HybridSearch withoutTime;

    @BeforeEach
    void ingestTheStory(BackendUnderTest backend) {
        EmbeddingModel embeddings = model();
        archive = backend.open("all-minilm-l6-v2-q", embeddings.dimension());
        ArticleIngestor ingestor =
                new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200));
        for (ParsedArticle article : List.of(
                en(
                        "Lumen bridge repairs: engineers find deep cracks in the Lumen bridge",
                        "Engineers inspecting the Lumen bridge in Varrow found deep cracks in two piers. The Lumen bridge"
                                + " repairs will need new steel, the engineers said.",
                        "wire-a",
                        "2025-01-05T09:00:00Z"),
                en(
                        "Varrow council approves budget for bridge work",
                        "The Varrow council voted to spend four million on repairs to the Lumen bridge after the"
                                + " engineers' report.",
                        "wire-b",
                        "2025-02-20T15:00:00Z"),
                en(
                        "Varrow closes its river crossing",
                        "The council closed the Lumen bridge to all traffic this morning as repair crews moved in;"
                                + " buses will take the ferry road.",
                        "wire-a",
                        "2025-03-11T07:30:00Z"),
                en(
                        "A history of the Lumen bridge",
                        "The Lumen bridge was opened in 1911 and carried trams until 1960.",
                        "wire-b",
                        null),
                ar(
                        "مهندسون يفحصون جسر لومن في فارو",
                        "فحص مهندسون جسر لومن في مدينة فارو ووجدوا تشققات في دعامتين.",
                        "wire-b",
                        "2025-02-01T10:00:00Z"),
                ar(
                        "مجلس فارو يغلق جسر لومن للصيانة",
                        "أغلق مجلس مدينة فارو جسر لومن أمام حركة السير صباح اليوم لبدء أعمال الصيانة.",
                        "wire-a",
                        "2025-03-11T08:00:00Z"))) {
            assertThat(ingestor.ingest(article)).isEqualTo(IngestOutcome.ADDED);
        }
        search = search(new QuestionTime(true, NOON_12_MARCH, DayOfWeek.MONDAY, Duration.ofDays(30)));
        withoutTime = search(QuestionTime.off());
    }

    @EachBackend
    void yesterdayFindsOnlyThatDaysArticlesAndSaysSo() {
        HybridSearch.Found found =
                search.find("What happened to the Lumen bridge yesterday?", "en", SearchFilter.none(), 6);

        assertThat(titles(found.passages())).first().isEqualTo("Varrow closes its river crossing");
        assertThat(found.passages())
                .allSatisfy(p -> assertThat(p.hit().article().publishedAt().toLocalDate())
                        .hasToString("2025-03-11"));
        assertThat(found.appliedFilter())
                .isEqualTo(new AppliedFilter(
                        OffsetDateTime.parse("2025-03-11T00:00:00Z"),
                        OffsetDateTime.parse("2025-03-12T00:00:00Z"),
                        "yesterday",
                        false));
    }

    @EachBackend
    void arabicYesterdayFindsOnlyThatDaysArabicArticle() {
        HybridSearch.Found found = search.find("ماذا حدث لجسر لومن أمس؟", "ar", SearchFilter.none(), 6);

        assertThat(titles(found.passages())).containsExactly("مجلس فارو يغلق جسر لومن للصيانة");
        assertThat(found.appliedFilter().reason()).isEqualTo("امس");
    }

    @EachBackend
    void aQuestionWhoseDenseWeightIsZeroIsNeverEmbedded() {
        EmbeddingModel refusing = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                throw new AssertionError("embedded " + segments);
            }

            @Override
            public int dimension() {
                return 384;
            }
        };
        HybridSearch lexicalOnly = new HybridSearch(
                archive,
                refusing,
                HybridSearch.Settings.of(WEIGHTS::get, 2),
                CrossLingualRanking.off(),
                QuestionTime.off());

        assertThat(titles(lexicalOnly.search("تشققات جسر لومن", "ar", SearchFilter.none(), 6)))
                .first()
                .isEqualTo("مهندسون يفحصون جسر لومن في فارو");
    }

    @EachBackend
    void latestRanksTheNewestCoverageFirstAndUndatedLast() {
        String question = "What is the latest on the Lumen bridge repairs?";
        SearchFilter english = new SearchFilter(null, null, Set.of(), Set.of("en"));
        // Without the prior an older, more relevant article leads: the prior has something to change.
        assertThat(titles(withoutTime.search(question, "en", english, 4)))
                .first()
                .isNotEqualTo("Varrow closes its river crossing");

        HybridSearch.Found found = search.find(question, "en", english, 4);

        assertThat(titles(found.passages()))
                .containsExactly(
                        "Varrow closes its river crossing",
                        "Varrow council approves budget for bridge work",
                        "Lumen bridge repairs: engineers find deep cracks in the Lumen bridge",
                        "A history of the Lumen bridge");
        assertThat(found.appliedFilter()).isEqualTo(new AppliedFilter(null, null, "latest", true));
    }

    @EachBackend
    void arabicLatestRanksTheNewestFirst() {
        List<String> titles = titles(search.search("ما آخر أخبار جسر لومن في فارو؟", "ar", SearchFilter.none(), 2));

        assertThat(titles).containsExactly("مجلس فارو يغلق جسر لومن للصيانة", "مهندسون يفحصون جسر لومن في فارو");
    }

    @EachBackend
    void anExplicitDateWinsOverThePriorAndOverTimeWords() {
        OffsetDateTime from = OffsetDateTime.parse("2025-01-01T00:00:00Z");
        OffsetDateTime to = OffsetDateTime.parse("2025-02-01T00:00:00Z");
        SearchFilter january = new SearchFilter(from, to, Set.of(), Set.of());

        HybridSearch.Found latest = search.find("What is the latest on the Lumen bridge?", "en", january, 6);
        HybridSearch.Found yesterday = search.find("What happened to the Lumen bridge yesterday?", "en", january, 6);

        for (HybridSearch.Found found : List.of(latest, yesterday)) {
            assertThat(titles(found.passages()))
                    .containsExactly("Lumen bridge repairs: engineers find deep cracks in the Lumen bridge");
            assertThat(found.appliedFilter()).isEqualTo(new AppliedFilter(from, to, AppliedFilter.REQUEST, false));
        }
    }

    @EachBackend
    void sourceAndLanguageFiltersHoldAndCombineWithTimeWords() {
        assertThat(search.search("Lumen bridge", "en", new SearchFilter(null, null, Set.of("wire-b"), Set.of()), 10))
                .allSatisfy(p -> assertThat(p.hit().article().source()).isEqualTo("wire-b"))
                .hasSize(3);
        assertThat(titles(search.search("جسر لومن", "ar", new SearchFilter(null, null, Set.of(), Set.of("ar")), 10)))
                .containsExactlyInAnyOrder("مجلس فارو يغلق جسر لومن للصيانة", "مهندسون يفحصون جسر لومن في فارو");
        assertThat(titles(search.search(
                        "Lumen bridge last month",
                        "en",
                        new SearchFilter(null, null, Set.of("wire-b"), Set.of("en")),
                        10)))
                .containsExactly("Varrow council approves budget for bridge work");
    }

    @EachBackend
    void aDateRangeExcludesUndatedArticlesAndKeepsItsBounds() {
        SearchFilter february = new SearchFilter(
                OffsetDateTime.parse("2025-02-01T10:00:00Z"),
                OffsetDateTime.parse("2025-02-20T15:00:00Z"),
                Set.of(),
                Set.of());

        // From is inclusive (the Arabic inspection at exactly 10:00), to exclusive (the vote at exactly 15:00).
        assertThat(titles(search.search("Lumen bridge جسر لومن", "en", february, 10)))
                .containsExactly("مهندسون يفحصون جسر لومن في فارو");
    }

    @EachBackend
    void fusionKeepsEachRankersEvidenceAndPrefersAgreement() {
        List<RetrievedPassage> found = search.search(
                "engineers found cracks in the Lumen bridge piers",
                "en",
                new SearchFilter(null, null, Set.of(), Set.of("en")),
                4);

        RetrievedPassage first = found.get(0);
        assertThat(first.hit().article().title())
                .isEqualTo("Lumen bridge repairs: engineers find deep cracks in the Lumen bridge");
        assertThat(first.denseRank()).isEqualTo(1);
        assertThat(first.lexicalRank()).isEqualTo(1);
        assertThat(found).isSortedAccordingTo((a, b) -> Double.compare(b.fusedScore(), a.fusedScore()));
    }

    // --- one story told by several outlets (issue 3) ---------------------------------------------

    /** A fictional royal order as one outlet ran it. */
    public static final String ORDER =
            "أصدر خادم الحرمين الشريفين أمرا ملكيا اليوم بتعيين الدكتور سامر بن خالد الراشد رئيسا لهيئة"
                    + " المياه الوطنية بمرتبة وزير، خلفا للمهندس فهد العتيبي الذي أعفي من منصبه بناء على طلبه. وتضمن الأمر الملكي"
                    + " تكليف الهيئة بإعداد خطة شاملة لتحلية مياه البحر في المنطقة الشرقية خلال ستة أشهر، ورفع تقرير دوري عن مشاريع"
                    + " السدود في منطقة عسير. ويعد الراشد من أبرز المتخصصين في هندسة الموارد المائية، وقد شغل سابقا منصب وكيل وزارة"
                    + " البيئة لشؤون المياه، كما أشرف على إنشاء محطة الجبيل الثالثة. وأكد الأمر أن على الجهات المعنية اعتماده وتنفيذه.";
    /** The same wire story as a second outlet re-edited it: dateline, a few words, another ending (MinHash 0.48). */
    public static final String ORDER_RETOLD =
            "الرياض - أصدر خادم الحرمين الشريفين أمرا ملكيا أمس بتعيين الدكتور سامر بن خالد الراشد"
                    + " رئيسا لهيئة المياه الوطنية بمرتبة وزير، خلفا للمهندس فهد العتيبي الذي أعفي من منصبه بناء على طلبه. وتضمن الأمر"
                    + " الملكي تكليف الهيئة بإعداد خطة شاملة لتحلية مياه البحر في المنطقة الشرقية خلال ستة أشهر، ورفع تقرير عن مشاريع"
                    + " السدود في منطقة عسير. ويعتبر الراشد من أبرز المتخصصين في هندسة الموارد المائية، إذ شغل منصب وكيل وزارة البيئة"
                    + " لشؤون المياه، وأشرف على محطة الجبيل الثالثة. ورحب عدد من المختصين بالقرار، مؤكدين أهميته لمستقبل الأمن المائي.";

    static final String ORDER_QUESTION = "من عين رئيسا لهيئة المياه الوطنية؟";

    private static ParsedArticle order() {
        return new ParsedArticle(
                "أمر ملكي بتعيين الراشد رئيسا لهيئة المياه",
                ORDER,
                "https://wire-a.example/order",
                "wire-a",
                OffsetDateTime.parse("2025-03-01T10:00:00+03:00"),
                "ar");
    }

    private static ParsedArticle orderRetold(String body) {
        return new ParsedArticle(
                "تعيين سامر الراشد رئيسا لهيئة المياه الوطنية",
                body,
                "https://wire-b.example/rashed",
                "wire-b",
                OffsetDateTime.parse("2025-03-02T08:00:00+03:00"),
                "ar");
    }

    private static ParsedArticle park() {
        return new ParsedArticle(
                "افتتاح حديقة الواجهة البحرية في الدمام",
                "افتتحت أمانة مدينة الدمام اليوم حديقة الواجهة"
                        + " البحرية الجديدة بعد أعمال استمرت عامين، وتضم الحديقة ممرات للمشاة وملاعب للأطفال. وقال أمين المدينة إن"
                        + " الدخول إلى الحديقة مجاني طوال فصل الصيف، وإن هيئة المياه الوطنية ستزود نوافيرها بمياه محلاة.",
                "https://wire-c.example/park",
                "wire-c",
                OffsetDateTime.parse("2025-03-02T09:00:00+03:00"),
                "ar");
    }

    private ArticleIngestor storyIngestor() {
        return new ArticleIngestor(archive, model(), new Chunker(new HuggingFaceTokenCountEstimator(), 200));
    }

    private String storyOf(ParsedArticle parsed) {
        return archive.findArticle(idOf(parsed)).orElseThrow().storyId();
    }

    private static String idOf(ParsedArticle parsed) {
        return ArticleIdentity.articleId(parsed.url(), ArticleIdentity.contentHash(parsed.body()));
    }

    @EachBackend
    void twoWireCopiesOfOneStoryAreStoredLinkedAndAnUnrelatedArticleIsNot() {
        ArticleIngestor ingestor = storyIngestor();
        IngestReport report = new IngestReport();
        try (IngestRun run = ingestor.startRun(report)) { // the copy found among the run's own articles
            run.accept("order", order());
            run.accept("park", park());
        }
        // ... and, in a later run, in the archive
        assertThat(ingestor.ingest(orderRetold(ORDER_RETOLD))).isEqualTo(IngestOutcome.ADDED);

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(storyOf(order())).isEqualTo(idOf(order()));
        assertThat(storyOf(orderRetold(ORDER_RETOLD))).isEqualTo(idOf(order()));
        assertThat(storyOf(park())).isEqualTo(idOf(park()));
    }

    @EachBackend
    void copiesInOneRunAreLinkedBeforeTheyAreStored() {
        IngestReport report = new IngestReport();
        try (IngestRun run = storyIngestor().startRun(report)) {
            run.accept("order", order());
            run.accept("retold", orderRetold(ORDER_RETOLD));
        }

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(report.countLinkedToStory()).isEqualTo(1);
        assertThat(report.summary())
                .startsWith("added 2 (1 of them retelling an earlier article's story, linked to it),");
        assertThat(storyOf(orderRetold(ORDER_RETOLD))).isEqualTo(idOf(order()));
    }

    @EachBackend
    void aTranslatedQuestionsChunkRankingReachesPastAnotherArticlesManyChunks() {
        // The market report names the saffron caravan in each of its 24 short paragraphs; the
        // harbour report once, amid other sentences in one paragraph of its eight. Asked in English for two
        // passages (eight article candidates), the report's chunks fill the first places of the
        // translated chunk ranking: the harbour report, second by the translated article ranking,
        // counts only if that chunk ranking reaches past them (HybridSearch.CHUNK_DEPTH).
        ArticleIngestor ingestor = storyIngestor();
        List<String> market = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            market.add(filler("باع التجار في الكشك %d التين والملح قبل الظهر.", i, 1) + "ووصلت قافلة الزعفران.");
        }
        List<String> harbour = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            harbour.add(
                    i == 2
                            ? filler(FERRY, i, 3) + "ووصلت قافلة الزعفران إلى الميناء. " + filler(GULLS, i, 2)
                            : filler(FERRY, i, 12));
        }
        ParsedArticle report = ar("تقرير السوق", String.join("\n\n", market), "wire-a", "2025-03-01T09:00:00Z");
        ParsedArticle harbourNews = ar("أخبار الميناء", String.join("\n\n", harbour), "wire-b", "2025-03-02T09:00:00Z");
        assertThat(ingestor.ingest(report)).isEqualTo(IngestOutcome.ADDED);
        assertThat(ingestor.ingest(harbourNews)).isEqualTo(IngestOutcome.ADDED);
        HybridSearch translatedOnly = new HybridSearch(
                archive,
                model(),
                HybridSearch.Settings.of(language -> new FusionWeights(0, 1, 60), 1),
                new CrossLingualRanking(archive, DictionaryTranslators.load(Path.of("/usr/share/dictd"), null, 4), 1.0),
                QuestionTime.off());

        List<RetrievedPassage> found = translatedOnly.search("saffron caravan", "en", SearchFilter.none(), 2);

        assertThat(found).extracting(p -> p.hit().article().id()).containsExactly(idOf(report), idOf(harbourNews));
    }

    private static final String FERRY = "رست العبارة %d على الرصيف القديم عند الغروب.";
    private static final String GULLS = "حلقت النوارس حول الصاري %d في الريح الرمادية.";

    /** Sentences that no question asks for, numbered apart in each paragraph. */
    private static String filler(String sentence, int paragraph, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append(String.format(java.util.Locale.ROOT, sentence, paragraph * 100 + i))
                    .append(' ');
        }
        return text.toString();
    }

    @EachBackend
    void retrievalTakesAtMostTheCapOfPassagesPerStory() {
        ArticleIngestor ingestor = storyIngestor();
        for (ParsedArticle parsed : List.of(order(), orderRetold(ORDER_RETOLD), park())) {
            ingestor.ingest(parsed);
        }
        Function<String, FusionWeights> weights =
                language -> WEIGHTS.getOrDefault(language, new FusionWeights(1, 1, 60));
        HybridSearch uncapped = new HybridSearch(
                archive,
                model(),
                new HybridSearch.Settings(weights, 2, 10, false),
                CrossLingualRanking.off(),
                QuestionTime.off());
        HybridSearch capped = new HybridSearch(
                archive,
                model(),
                new HybridSearch.Settings(weights, 2, 1, false),
                CrossLingualRanking.off(),
                QuestionTime.off());

        List<RetrievedPassage> all = uncapped.search(ORDER_QUESTION, "ar", SearchFilter.none(), 6);
        List<RetrievedPassage> found = capped.search(ORDER_QUESTION, "ar", SearchFilter.none(), 6);

        // Without the cap both tellings come back: the cap has something to remove.
        assertThat(all)
                .filteredOn(p -> p.hit().article().storyId().equals(idOf(order())))
                .extracting(p -> p.hit().article().id())
                .contains(idOf(order()), idOf(orderRetold(ORDER_RETOLD)));
        assertThat(found)
                .filteredOn(p -> p.hit().article().storyId().equals(idOf(order())))
                .hasSize(1);
        assertThat(found).extracting(p -> p.hit().article().id()).contains(idOf(park()));
    }

    @EachBackend
    void reingestReindexAndACorrectionKeepTheLink() {
        ArticleIngestor ingestor = storyIngestor();
        ingestor.ingest(order());
        ingestor.ingest(orderRetold(ORDER_RETOLD));

        assertThat(ingestor.ingest(order())).isEqualTo(IngestOutcome.UNCHANGED);
        assertThat(ingestor.ingest(orderRetold(ORDER_RETOLD))).isEqualTo(IngestOutcome.UNCHANGED);
        // The second outlet corrects its copy (same URL): an update, still the same story.
        ParsedArticle corrected = orderRetold(ORDER_RETOLD.replace("ستة أشهر", "تسعة أشهر"));
        assertThat(ingestor.ingest(corrected)).isEqualTo(IngestOutcome.UPDATED);
        assertThat(storyOf(corrected)).isEqualTo(idOf(order()));
        ingestor.reindex(archive.findArticle(idOf(corrected)).orElseThrow());
        assertThat(storyOf(corrected)).isEqualTo(idOf(order()));
        assertThat(storyOf(order())).isEqualTo(idOf(order()));
    }

    @EachBackend
    void anAnswerCitesAStoryOnceAndNamesItsNewestTelling() {
        ArticleIngestor ingestor = storyIngestor();
        for (ParsedArticle parsed : List.of(order(), orderRetold(ORDER_RETOLD), park())) {
            ingestor.ingest(parsed);
        }
        HybridSearch search = new HybridSearch(
                archive,
                model(),
                new HybridSearch.Settings(
                        language -> WEIGHTS.getOrDefault(language, new FusionWeights(1, 1, 60)), 2, 2, false),
                CrossLingualRanking.off(),
                QuestionTime.off());
        try (FakeProviderServer provider = FakeProviderServer.start()) {
            // The model cites both tellings, as a model not told they are one story would.
            provider.reply(FakeProviderServer.Reply.text(
                    "عين الملك سامر الراشد رئيسا لهيئة المياه الوطنية [1]." + " وكلفت الهيئة بخطة لتحلية المياه [2]."));
            LlmProperties settings = new LlmProperties(
                    "openai",
                    provider.openAiBaseUrl(),
                    "test-model",
                    "sk-test",
                    Duration.ofSeconds(20),
                    0,
                    Duration.ofMillis(100),
                    300,
                    0.0,
                    null);
            LlmAnswerer llm = new LlmAnswerer(
                    ChatProviders.build(settings), settings.timeout(), settings.maxRetries(), settings.retryBackoff());
            Prompts prompts = Prompts.load(null);
            ExtractiveAnswerer extractive = new ExtractiveAnswerer(
                    new SentenceEmbedder(model()),
                    new ExtractiveSettings(
                            Map.of("ar", 0.5, "default", 0.5), Map.of("ar", 0.0, "default", 0.0), 3, 700));
            Conversations conversations = new Conversations(new InMemoryChatMemoryStore(), 10);

            Answer written = new AnswerService(search, 6, extractive, prompts, llm, conversations).ask(ORDER_QUESTION);
            Answer quoted = new AnswerService(search, 6, extractive, prompts, null, conversations).ask(ORDER_QUESTION);

            // Sources 1 and 2 were the two tellings, and the prompt said so.
            assertThat(provider.lastRequest().userText()).contains("same story as [1]");
            assertThat(written.answer()).doesNotContain("[2]");
            assertThat(written.citations()).singleElement().satisfies(citation -> {
                assertThat(citation.storyId()).isEqualTo(idOf(order()));
                assertThat(citation.articleId()).isEqualTo(idOf(orderRetold(ORDER_RETOLD))); // the newer telling
            });
            assertThat(quoted.found()).isTrue();
            assertThat(quoted.citations())
                    .extracting(Citation::storyId)
                    .doesNotHaveDuplicates()
                    .contains(idOf(order()));
        }
    }

    private HybridSearch search(QuestionTime time) {
        return new HybridSearch(
                archive,
                model(),
                HybridSearch.Settings.of(language -> WEIGHTS.getOrDefault(language, new FusionWeights(1, 1, 60)), 1),
                CrossLingualRanking.off(),
                time);
    }

    private static List<String> titles(List<RetrievedPassage> passages) {
        return passages.stream().map(p -> p.hit().article().title()).toList();
    }

    private static ParsedArticle en(String title, String body, String source, String published) {
        return article(title, body, source, published, "en");
    }

    private static ParsedArticle ar(String title, String body, String source, String published) {
        return article(title, body, source, published, "ar");
    }

    private static ParsedArticle article(String title, String body, String source, String published, String language) {
        return new ParsedArticle(
                title,
                body,
                "https://varrow.example/" + Math.abs(title.hashCode()),
                source,
                published == null ? null : OffsetDateTime.parse(published),
                language);
    }

    private static synchronized EmbeddingModel model() {
        if (sharedModel == null) {
            sharedModel = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return sharedModel;
    }
}
