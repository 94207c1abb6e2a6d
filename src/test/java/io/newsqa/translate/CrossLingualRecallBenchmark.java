package io.newsqa.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.archive.lucene.LuceneArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not part of the default test run (the name does not end in Test): lexical recall on
 * XQuAD across languages, with and without dictionary translation, and the translation time.
 * Each paragraph is one article whose only chunk is the paragraph text (the English titles are
 * not indexed); ties count against the gold paragraph.
 *
 * <pre>./mvnw -B -q test -Dtest=CrossLingualRecallBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dxquad=/tmp/xquad.dev]</pre>
 */
class CrossLingualRecallBenchmark {

    private static final Path XQUAD = Path.of("../shared/eval/xquad");
    /** -Dxquad=/tmp/xquad.dev reads /tmp/xquad.dev.ar.json and .en.json (one split) instead of the whole set. */
    private static final String FILES =
            System.getProperty("xquad", XQUAD.resolve("xquad").toString());

    private static final int[] AT = {1, 5, 10};
    /** -DshowMisses=N prints the translation of the first N questions whose gold is not in the top 5. */
    private static final int SHOW_MISSES = Integer.getInteger("showMisses", 0);
    /** -DskipReference=true leaves out the rows that do not translate (same-language and untranslated). */
    private static final boolean SKIP_REFERENCE = Boolean.getBoolean("skipReference");

    private static List<WeightedTerm> lastTerms = List.of();

    record Question(String text, int gold) {}

    @Test
    void recallWithAndWithoutTranslation(@TempDir Path dir) throws IOException {
        List<String> arabicParagraphs = new ArrayList<>();
        List<String> englishParagraphs = new ArrayList<>();
        List<Question> arabicQuestions = new ArrayList<>();
        List<Question> englishQuestions = new ArrayList<>();
        read(Path.of(FILES + ".ar.json"), arabicParagraphs, arabicQuestions);
        read(Path.of(FILES + ".en.json"), englishParagraphs, englishQuestions);
        int maxSenses = Integer.getInteger("maxSenses", 4);
        long heapBefore = usedHeap();
        long loadStart = System.nanoTime();
        List<DictionaryQueryTranslator> translators = DictionaryTranslators.load(
                Path.of("/usr/share/dictd"), Path.of("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"), maxSenses);
        System.out.printf(
                "%nDictionaries loaded in %d ms, heap retained about %d MB%n",
                (System.nanoTime() - loadStart) / 1_000_000, (usedHeap() - heapBefore) >> 20);
        DictionaryQueryTranslator enAr = translators.get(0);
        DictionaryQueryTranslator arEn = translators.get(1);

        try (LuceneArchive arabic = archive(dir.resolve("ar"), arabicParagraphs, "ar");
                LuceneArchive english = archive(dir.resolve("en"), englishParagraphs, "en")) {
            int n = arabicParagraphs.size();
            System.out.printf(
                    "%nXQuAD, %d paragraphs, %d questions, lexical ranking, max senses %d%n",
                    n, englishQuestions.size(), maxSenses);
            System.out.println("| direction | method | r@1 | r@5 | r@10 |");
            System.out.println("|---|---|---|---|---|");
            if (!SKIP_REFERENCE) {
                row(
                        "ar→ar",
                        "Arabic question (reference)",
                        arabicQuestions,
                        q -> arabic.lexicalSearch(q, "ar", n, SearchFilter.none()));
                row(
                        "en→en",
                        "English question (reference)",
                        englishQuestions,
                        q -> english.lexicalSearch(q, "en", n, SearchFilter.none()));
                row(
                        "en→ar",
                        "without translation",
                        englishQuestions,
                        q -> arabic.lexicalSearch(q, "en", n, SearchFilter.none()));
                row(
                        "ar→en",
                        "without translation",
                        arabicQuestions,
                        q -> english.lexicalSearch(q, "ar", n, SearchFilter.none()));
            }
            long[] enArTimes = new long[englishQuestions.size()];
            row(
                    "en→ar",
                    "FreeDict translation",
                    englishQuestions,
                    timed(enAr, enArTimes, terms -> arabic.weightedLexicalSearch(terms, "ar", n, SearchFilter.none())));
            long[] arEnTimes = new long[arabicQuestions.size()];
            row(
                    "ar→en",
                    "FreeDict translation",
                    arabicQuestions,
                    timed(
                            arEn,
                            arEnTimes,
                            terms -> english.weightedLexicalSearch(terms, "en", n, SearchFilter.none())));
            NameIndex arabicNames = NameIndex.of(arabic.vocabulary("ar"), enAr::targetKeys, "ar");
            NameIndex englishNames = NameIndex.of(english.vocabulary("en"), arEn::targetKeys, "en");
            row(
                    "en→ar",
                    "FreeDict + archive names",
                    englishQuestions,
                    named(
                            enAr,
                            arabicNames,
                            terms -> arabic.weightedLexicalSearch(terms, "ar", n, SearchFilter.none())));
            row(
                    "ar→en",
                    "FreeDict + archive names",
                    arabicQuestions,
                    named(
                            arEn,
                            englishNames,
                            terms -> english.weightedLexicalSearch(terms, "en", n, SearchFilter.none())));
            long[] enArNamedTimes = new long[englishQuestions.size()];
            long[] arEnNamedTimes = new long[arabicQuestions.size()];
            for (int i = 0; i < englishQuestions.size(); i++) {
                int index = i;
                enArNamedTimes[i] =
                        timeOf(() -> enAr.translate(englishQuestions.get(index).text(), arabicNames));
            }
            for (int i = 0; i < arabicQuestions.size(); i++) {
                int index = i;
                arEnNamedTimes[i] =
                        timeOf(() -> arEn.translate(arabicQuestions.get(index).text(), englishNames));
            }
            System.out.printf(
                    "%nTranslation time per question (after one warm-up pass): en→ar p50 %.3f ms, p95 %.3f ms;"
                            + " ar→en p50 %.3f ms, p95 %.3f ms%n",
                    percentile(enArTimes, 50),
                    percentile(enArTimes, 95),
                    percentile(arEnTimes, 50),
                    percentile(arEnTimes, 95));
            System.out.printf(
                    "With archive names (second pass): en→ar p50 %.3f ms, p95 %.3f ms; ar→en p50 %.3f ms, p95 %.3f ms%n",
                    percentile(enArNamedTimes, 50),
                    percentile(enArNamedTimes, 95),
                    percentile(arEnNamedTimes, 50),
                    percentile(arEnNamedTimes, 95));
        }
    }

    private static Function<String, List<ChunkHit>> timed(
            DictionaryQueryTranslator translator, long[] nanos, Function<List<WeightedTerm>, List<ChunkHit>> search) {
        int[] next = {0};
        return question -> {
            translator.translate(question); // warm-up, so the figure is the steady state
            long start = System.nanoTime();
            List<WeightedTerm> terms = translator.translate(question);
            nanos[next[0]++] = System.nanoTime() - start;
            lastTerms = terms;
            return search.apply(terms);
        };
    }

    private static Function<String, List<ChunkHit>> named(
            DictionaryQueryTranslator translator,
            NameIndex names,
            Function<List<WeightedTerm>, List<ChunkHit>> search) {
        return question -> {
            lastTerms = translator.translate(question, names);
            return search.apply(lastTerms);
        };
    }

    private static long timeOf(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static void row(
            String direction, String method, List<Question> questions, Function<String, List<ChunkHit>> search) {
        int[] found = new int[AT.length];
        int misses = 0;
        lastTerms = List.of();
        for (Question question : questions) {
            int rank = pessimisticRank(search.apply(question.text()), question.gold());
            if (rank > 5 && !lastTerms.isEmpty() && misses++ < SHOW_MISSES) {
                System.out.println("  miss (rank " + (rank == Integer.MAX_VALUE ? "-" : rank) + "): " + question.text()
                        + " → "
                        + lastTerms.stream()
                                .map(t -> t.text() + String.format(" %.2f", t.weight()))
                                .toList());
            }
            for (int i = 0; i < AT.length; i++) {
                if (rank <= AT[i]) {
                    found[i]++;
                }
            }
        }
        System.out.printf(
                "| %s | %s | %.3f | %.3f | %.3f |%n",
                direction,
                method,
                found[0] / (double) questions.size(),
                found[1] / (double) questions.size(),
                found[2] / (double) questions.size());
    }

    /** Rank of the gold paragraph with every tie counted against it; past the end when not found. */
    private static int pessimisticRank(List<ChunkHit> hits, int gold) {
        String goldId = "p" + gold;
        double goldScore = hits.stream()
                .filter(hit -> hit.article().id().equals(goldId))
                .mapToDouble(ChunkHit::score)
                .findFirst()
                .orElse(Double.NaN);
        if (Double.isNaN(goldScore)) {
            return Integer.MAX_VALUE;
        }
        return 1
                + (int) hits.stream()
                        .filter(hit -> !hit.article().id().equals(goldId) && hit.score() >= goldScore)
                        .count();
    }

    private static void read(Path file, List<String> paragraphs, List<Question> questions) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (JsonNode article : root.get("data")) {
            for (JsonNode paragraph : article.get("paragraphs")) {
                int index = paragraphs.size();
                paragraphs.add(paragraph.get("context").asText());
                for (JsonNode qa : paragraph.get("qas")) {
                    questions.add(new Question(qa.get("question").asText(), index));
                }
            }
        }
    }

    private static LuceneArchive archive(Path dir, List<String> paragraphs, String language) throws IOException {
        Files.createDirectories(dir);
        LuceneArchive archive = LuceneArchive.open(dir, "none", 2);
        for (int i = 0; i < paragraphs.size(); i++) {
            String id = "p" + i;
            // Title "p<i>": never the English Wikipedia title (see eval/xquad/README.md).
            archive.put(
                    new Article(id, null, id, null, null, language, "hash-" + id, paragraphs.get(i)),
                    List.of(new Chunk(id, 0, paragraphs.get(i), new float[] {1, i + 1})));
        }
        return archive;
    }
}
