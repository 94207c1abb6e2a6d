package io.newsqa.translate;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.newsqa.answer.Answer;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.answer.ExtractiveSettings;
import io.newsqa.answer.SentenceEmbedder;
import io.newsqa.answer.Source;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.support.PassageSources;
import io.newsqa.text.ArabicNormalizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not part of the default test run: questions written from reading SaudiNewsNet
 * articles of 2015-07-23 and -24, asked in English and in Arabic over all 3,387 articles of those
 * two days, as the product searches (hybrid search with the dictionary translation fused in,
 * application.yml's weights) and answers without a language model (the extractive answerer,
 * application.yml's settings). Prints per question whether the answer quotes the fact.
 *
 * <p>Chunks are not embedded (a constant vector stands in), so that 3,387 articles fit in the
 * time of a shared 2-core machine: this measures nothing the model decides. For an English
 * question over Arabic chunks the English-only model's dense ranking does not count
 * ({@code cross-language-dense: false}), and for an Arabic question the dense weight is 0, as are
 * the extractive answerer's embedding weights of Arabic sentences and of sentences in another
 * language than the question's.
 *
 * <pre>./mvnw -B -q test -Dtest=NewsQuestionsBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class NewsQuestionsBenchmark {

    private static final Path SAUDINEWSNET = Path.of("../shared/bench/saudinewsnet");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** An English question, its Arabic twin, and Arabic words the answer must quote. */
    record Question(String english, String arabic, String fact) {}

    private static final List<Question> QUESTIONS = List.of(
            new Question(
                    "How many goals did Begovic concede in Chelsea's friendly against the New York Red Bulls?",
                    "كم هدفا تلقى بيجوفيتش في مباراة تشيلسي الودية أمام نيويورك ريد بولز؟",
                    "أربعة أهداف"),
            new Question(
                    "Which club agreed to sign Arturo Vidal from Juventus?",
                    "أي ناد توصل لاتفاق لضم فيدال من يوفنتوس؟",
                    "بايرن"),
            new Question(
                    "How many people did the gunman kill in the Louisiana cinema?",
                    "كم شخصا قتل المسلح في سينما لويزيانا؟",
                    "شخصين"),
            new Question(
                    "How old was the gunman in the Louisiana cinema shooting?",
                    "كم كان عمر المسلح في صالة سينما لويزيانا؟",
                    "58"),
            new Question(
                    "What is the White House plan for the Guantanamo prison?",
                    "ما خطة البيت الأبيض لسجن جوانتانامو؟",
                    "اغلاق"),
            new Question(
                    "When is the next hearing in Maradona's case against his former wife?",
                    "متى جلسة الاستماع الجديدة في قضية مارادونا ضد زوجته السابقة؟",
                    "اغسطس"),
            new Question(
                    "Which air base will Turkey open to coalition aircraft?",
                    "أي قاعدة جوية ستفتحها تركيا أمام طائرات التحالف؟",
                    "انجرليك"),
            new Question("Who is the manager of Manchester City?", "من المدير الفني لمانشستر سيتي؟", "بيليجريني"),
            new Question(
                    "How many people were killed in the Boko Haram attacks in Cameroon and Nigeria?",
                    "كم شخصا قتل في هجمات بوكو حرام في الكاميرون ونيجيريا؟",
                    "50"),
            new Question(
                    "What recovery rate does Aramco seek in its oil fields?",
                    "ما نسبة الاستخلاص التي تسعى أرامكو لتحقيقها في حقولها؟",
                    "60"),
            new Question(
                    "How many iPhones did Apple sell in the third quarter?",
                    "كم هاتف آيفون باعت أبل في الربع الثالث؟",
                    "مليون هاتف"),
            new Question(
                    "At what price do OPEC delegates expect oil prices to stay?",
                    "عند أي سعر يتوقع مندوبو أوبك أن تبقى أسعار النفط؟",
                    "60 دولارا"),
            new Question(
                    "How much did Paris Saint-Germain offer for Di Maria?",
                    "كم عرض باريس سان جيرمان لضم دي ماريا؟",
                    "60 مليون"),
            new Question(
                    "How many people were killed in the shooting at the barracks near the Bardo museum?",
                    "كم شخصا قتل في إطلاق النار في الثكنة العسكرية قرب متحف باردو؟",
                    "4 أشخاص"),
            new Question(
                    "How many people died in the New Baghdad bombing?", "كم بلغت حصيلة تفجير بغداد الجديدة؟", "66"),
            new Question(
                    "How many spectators watched Barcelona beat LA Galaxy?",
                    "كم متفرجا شاهد فوز برشلونة على لوس أنجليس غالاكسي؟",
                    "93226"),
            new Question(
                    "How did Lavrov describe the practices of the European Union towards Russia?",
                    "كيف وصف لافروف ممارسات الاتحاد الأوروبي إزاء روسيا؟",
                    "غير مقبوله"),
            new Question(
                    "How much do the Gulf states spend every year on energy subsidies?",
                    "كم تنفق دول الخليج سنويا على دعم أسعار الطاقة؟",
                    "160 مليار"),
            new Question(
                    "How much did AT&T pay to acquire DirecTV?", "بكم استحوذت إيه تي آند تي على دايركت تي في؟", "48"),
            new Question(
                    "What revenue did Apple forecast for the fourth quarter?",
                    "ما الإيرادات التي توقعتها أبل للربع الرابع؟",
                    "49 مليار"));

    @Test
    void englishAndArabicQuestionsOverTwoDaysOfArabicNews(@TempDir Path dir) {
        EmbeddingModel constant = new ConstantEmbedding();
        List<DictionaryQueryTranslator> translators = InstalledDictionaries.translators();
        try (LuceneArchive archive = LuceneArchive.open(dir, "constant", ConstantEmbedding.DIMENSION)) {
            ArticleIngestor ingestor =
                    new ArticleIngestor(archive, constant, new Chunker(new HuggingFaceTokenCountEstimator(), 200));
            long ingestStart = System.nanoTime();
            // Read as `newsqa ingest` reads the day files (dates from date_extracted, outlet from source).
            new FileIngest(ingestor, new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(5)))
                    .ingest(List.of(SAUDINEWSNET.resolve("2015-07-23.zip"), SAUDINEWSNET.resolve("2015-07-24.zip")));
            System.out.printf(
                    "%n%d articles stored in %d s (no embedding)%n",
                    archive.stats().articles(), (System.nanoTime() - ingestStart) / 1_000_000_000);

            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            Map<String, Integer> vocabulary = archive.vocabulary("ar");
            long vocabularyCpu = THREADS.getCurrentThreadCpuTime() - cpu;
            NameIndex names = NameIndex.of(vocabulary, translators.get(0)::targetKeys, "ar");
            System.out.printf(
                    "name index: vocabulary scan %d ms CPU, index %d ms CPU, %d ms wall; %d words, %d keys%n",
                    vocabularyCpu / 1_000_000,
                    (THREADS.getCurrentThreadCpuTime() - cpu - vocabularyCpu) / 1_000_000,
                    (System.nanoTime() - wall) / 1_000_000,
                    vocabulary.size(),
                    names.keys());

            Map<String, FusionWeights> weights =
                    Map.of("en", new FusionWeights(0.3, 1.0, 60), "ar", new FusionWeights(0.0, 1.0, 60));
            HybridSearch search = new HybridSearch(
                    archive,
                    constant,
                    new HybridSearch.Settings(weights::get, 2, 2, false),
                    new CrossLingualRanking(archive, translators, 1.0),
                    QuestionTime.off());
            ExtractiveAnswerer answerer = new ExtractiveAnswerer(
                    new SentenceEmbedder(constant),
                    new ExtractiveSettings(
                            Map.of("ar", 0.5, "en", 1.0, "default", 0.5),
                            Map.of("ar", 0.0, "en", 1.0, "default", 0.0),
                            3,
                            700),
                    new QuestionTranslation(translators));
            search.search("warm-up", "en", SearchFilter.none(), 6); // builds the name index outside the figures

            int arabicAnswered = 0;
            int arabicQuoted = 0;
            int englishAnswered = 0;
            int englishQuoted = 0;
            for (Question question : QUESTIONS) {
                Answer arabic = ask(search, answerer, question.arabic(), "ar");
                Answer english = ask(search, answerer, question.english(), "en");
                boolean arabicHasFact = quotes(arabic, question.fact());
                boolean englishHasFact = quotes(english, question.fact());
                arabicAnswered += arabic.found() ? 1 : 0;
                arabicQuoted += arabicHasFact ? 1 : 0;
                englishAnswered += english.found() ? 1 : 0;
                englishQuoted += englishHasFact ? 1 : 0;
                System.out.printf(
                        "%n[%s ar, %s en] %s%n  en: %s%n",
                        mark(arabic, arabicHasFact),
                        mark(english, englishHasFact),
                        question.english(),
                        english.answer().replace('\n', ' '));
                if (!englishHasFact) {
                    System.out.println("  en terms: " + translators.get(0).translate(question.english(), names));
                    System.out.println("  ar: " + arabic.answer().replace('\n', ' '));
                }
            }
            System.out.printf(
                    "%n%d questions: Arabic answered %d, quoting the fact %d; English answered %d, quoting the fact %d%n",
                    QUESTIONS.size(), arabicAnswered, arabicQuoted, englishAnswered, englishQuoted);
        }
    }

    private static String mark(Answer answer, boolean hasFact) {
        return hasFact ? "fact" : answer.found() ? "other" : "refused";
    }

    private static boolean quotes(Answer answer, String fact) {
        return answer.found() && ArabicNormalizer.normalize(answer.answer()).contains(ArabicNormalizer.normalize(fact));
    }

    private static Answer ask(HybridSearch search, ExtractiveAnswerer answerer, String question, String language) {
        List<RetrievedPassage> passages = search.search(question, language, SearchFilter.none(), 6);
        List<Source> sources = PassageSources.of(passages);
        return answerer.answer(question, language, sources);
    }
}
