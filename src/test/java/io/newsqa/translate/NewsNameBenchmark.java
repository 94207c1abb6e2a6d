package io.newsqa.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.LanguageAnalyzers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not part of the default test run (the name does not end in Test): how many English
 * names of SaudiNewsNet articles (pairs written from reading the articles of 2015-07-23 and -24,
 * src/test/resources/news-names) the name index finds among the words of real Arabic news, at
 * the scale of two days (about 3,000 articles) or all 18 (about 31,000), and how long a lookup
 * takes. The vocabulary is every article's words (title and text) with the number of articles
 * holding each, as the archive's vocabulary counts chunks.
 *
 * <pre>./mvnw -B -q test -Dtest=NewsNameBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Ddays=all] [-Dcandidates=3]</pre>
 */
class NewsNameBenchmark {

    private static final Path SAUDINEWSNET = Path.of("../shared/bench/saudinewsnet");
    /** CPU time, not wall time: the machine is shared, and a lookup's own cost is what is measured. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final List<String> TWO_DAYS = List.of("2015-07-23.zip", "2015-07-24.zip");

    record Pair(String english, String arabic) {}

    @Test
    void namesOfTheNewsFoundAmongTheArchivesWords() throws IOException {
        List<Path> zips = new ArrayList<>();
        if ("all".equals(System.getProperty("days"))) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(SAUDINEWSNET, "*.zip")) {
                all.forEach(zips::add);
            }
        } else {
            TWO_DAYS.forEach(day -> zips.add(SAUDINEWSNET.resolve(day)));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        int articles = readVocabulary(zips, vocabulary);
        DictionaryQueryTranslator enAr = InstalledDictionaries.translators().get(0);
        int candidates = Integer.getInteger("candidates", NameIndex.DEFAULT_CANDIDATES);
        long start = System.nanoTime();
        NameIndex index = NameIndex.of(vocabulary, enAr::targetKeys, "ar", candidates);
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "%n%d articles, %d Arabic words, %d keys, index built in %d ms, %d candidates kept%n",
                articles, vocabulary.size(), index.keys(), buildMs, candidates);

        Map<String, List<String>> byExactKey = new HashMap<>();
        vocabulary
                .keySet()
                .forEach(word -> enAr.targetKeys(word).stream()
                        .map(NameKey::key)
                        .distinct()
                        .forEach(key -> byExactKey
                                .computeIfAbsent(key, k -> new ArrayList<>())
                                .add(word)));
        List<Pair> pairs = pairs();
        int byIndex = 0;
        int byOldRule = 0;
        int byTranslation = 0;
        int byTranslationWithoutIndex = 0;
        long[] lookupNanos = new long[pairs.size()];
        List<String> misses = new ArrayList<>();
        for (int round = 0; round < 5; round++) { // the first round warms the JIT up
            byIndex = byOldRule = byTranslation = byTranslationWithoutIndex = 0;
            misses.clear();
            for (int i = 0; i < pairs.size(); i++) {
                Pair pair = pairs.get(i);
                Set<String> gold = new HashSet<>(LanguageAnalyzers.terms(pair.arabic(), "ar"));
                List<WeightedTerm> found = new ArrayList<>();
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (String word : pair.english().split("[ -]")) {
                    found.addAll(index.match(word, DictionaryQueryTranslator.transliterationKeys(word, "en"), 1.0));
                }
                lookupNanos[i] = THREADS.getCurrentThreadCpuTime() - t0;
                boolean hit = contains(found, gold);
                byIndex += hit ? 1 : 0;
                byOldRule += oldRule(byExactKey, pair.english(), gold) ? 1 : 0;
                String question = "What did the report say about " + pair.english() + "?";
                boolean translated = contains(enAr.translate(question, index), gold);
                byTranslation += translated ? 1 : 0;
                byTranslationWithoutIndex += contains(enAr.translate(question), gold) ? 1 : 0;
                if (!translated) {
                    misses.add(pair.english() + " → " + pair.arabic() + " (found "
                            + found.stream().map(WeightedTerm::text).toList() + ")");
                }
            }
        }
        long[] sorted = lookupNanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%d name pairs%n", pairs.size());
        System.out.println("| method | resolved |");
        System.out.println("|---|---|");
        System.out.printf(
                "| exact key, keys of more than 6 words ignored (the index before) | %d / %d |%n",
                byOldRule, pairs.size());
        System.out.printf("| name index: ranked candidates, %d kept | %d / %d |%n", candidates, byIndex, pairs.size());
        System.out.printf(
                "| translation of \"What did the report say about <name>?\", without the index | %d / %d |%n",
                byTranslationWithoutIndex, pairs.size());
        System.out.printf(
                "| translation of the same question, with the index | %d / %d |%n", byTranslation, pairs.size());
        System.out.printf(
                "lookup per name (thread CPU time): p50 %.3f ms, p95 %.3f ms, max %.3f ms%n",
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
        System.out.println("misses of the translation:");
        misses.forEach(miss -> System.out.println("  " + miss));
    }

    private static boolean contains(List<WeightedTerm> terms, Set<String> gold) {
        return terms.stream().anyMatch(term -> new HashSet<>(LanguageAnalyzers.terms(term.text(), "ar")).equals(gold));
    }

    /** The rule the index had before ranking: the words of the name's exact key, none when more than six. */
    private static boolean oldRule(Map<String, List<String>> byExactKey, String english, Set<String> gold) {
        for (String word : english.split("[ -]")) {
            String key = TransliterationKey.latin(word);
            List<String> words = key.length() < NameIndex.MIN_KEY ? List.of() : byExactKey.getOrDefault(key, List.of());
            if (words.size() <= 6
                    && words.stream().anyMatch(w -> new HashSet<>(LanguageAnalyzers.terms(w, "ar")).equals(gold))) {
                return true;
            }
        }
        return false;
    }

    private static List<Pair> pairs() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in =
                        NewsNameBenchmark.class.getResourceAsStream("/news-names/saudinewsnet-2015-07-23-24.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] fields = line.split("\t");
                    pairs.add(new Pair(fields[0], fields[1]));
                }
            }
        }
        return pairs;
    }

    private static int readVocabulary(List<Path> zips, Map<String, Integer> vocabulary) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int articles = 0;
        for (Path zip : zips) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    JsonNode day = json.readTree(in.readAllBytes());
                    for (JsonNode article : day) {
                        String text = article.path("title").asText("") + "\n"
                                + article.path("content").asText("");
                        new HashSet<>(LanguageAnalyzers.words(text))
                                .forEach(word -> vocabulary.merge(word, 1, Integer::sum));
                        articles++;
                    }
                }
            }
        }
        return articles;
    }
}
