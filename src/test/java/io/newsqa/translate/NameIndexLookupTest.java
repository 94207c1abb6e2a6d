package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageAnalyzers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link NameIndex#match} ranks its candidates with light records and a bounded selection of the
 * first few; these tests hold it to the straightforward ranking it replaced (every candidate in
 * maps by word and term, all sorted), written out below, on tens of thousands of real words
 * whose keys collide as news words do: the FreeDict headwords of both languages.
 */
class NameIndexLookupTest {

    private final DictionaryQueryTranslator arEn = DictionaryQueryTranslator.arabicToEnglish(
            InstalledDictionaries.ARA_ENG, InstalledDictionaries.COUNTRIES, 4);
    private final DictionaryQueryTranslator enAr = DictionaryQueryTranslator.englishToArabic(
            InstalledDictionaries.ENG_ARA, InstalledDictionaries.COUNTRIES, 4);

    @Test
    void latinNamesAmongArabicWordsMatchAsTheStraightforwardRankingDoes() throws IOException {
        Map<String, Integer> arabic = vocabulary(headwords("freedict-ara-eng"), ArabicNormalizer::normalize);
        List<String> names = every(headwords("freedict-eng-ara"), 120);
        assertSameMatches(arabic, enAr::targetKeys, "ar", names, "en");
    }

    @Test
    void arabicNamesAmongEnglishWordsMatchAsTheStraightforwardRankingDoes() throws IOException {
        Map<String, Integer> english = vocabulary(headwords("freedict-eng-ara"), word -> word);
        List<String> names = every(headwords("freedict-ara-eng"), 120).stream()
                .map(ArabicNormalizer::normalize)
                .toList();
        assertSameMatches(english, arEn::targetKeys, "en", names, "ar");
    }

    private static void assertSameMatches(
            Map<String, Integer> vocabulary,
            Function<String, List<NameKey>> keysOf,
            String language,
            List<String> names,
            String nameLanguage) {
        for (int candidates : new int[] {1, 3}) {
            NameIndex index = NameIndex.of(vocabulary, keysOf, language, candidates);
            Straightforward reference = new Straightforward(vocabulary, keysOf, language, candidates);
            int matched = 0;
            for (String name : names) {
                List<NameKey> keys = DictionaryQueryTranslator.transliterationKeys(name, nameLanguage);
                List<WeightedTerm> expected = reference.match(name, keys, 1.0);
                assertThat(index.match(name, keys, 1.0)).as(name).isEqualTo(expected);
                matched += expected.isEmpty() ? 0 : 1;
            }
            // The comparison means something only if most names find candidates, many of them near ones.
            assertThat(matched).isGreaterThan(names.size() / 2);
        }
    }

    /** A FreeDict index's headwords (the first field of each line), without dictd's own entries. */
    private static List<String> headwords(String dictionary) throws IOException {
        List<String> words = new ArrayList<>();
        for (String line : Files.readAllLines(
                InstalledDictionaries.DICTD.resolve(dictionary + ".index"), StandardCharsets.UTF_8)) {
            String word = line.substring(0, line.indexOf('\t'));
            if (!word.startsWith("00database") && word.chars().allMatch(Character::isLetter)) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<String> every(List<String> words, int step) {
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < words.size(); i += step) {
            sample.add(words.get(i));
        }
        return sample;
    }

    /** Each word with a chunk count that varies as an archive's does, deterministically. */
    private static Map<String, Integer> vocabulary(List<String> words, Function<String, String> normalise) {
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        for (String word : words) {
            vocabulary.put(
                    normalise.apply(word), 1 + Math.floorMod(word.hashCode(), 7) * Math.floorMod(word.hashCode(), 13));
        }
        return vocabulary;
    }

    /** The ranking as first written: every candidate kept in maps by word and by term, and sorted whole. */
    private static final class Straightforward {

        private record Entry(String word, String term, int chunks, int distance) {}

        private record Candidate(String word, int distance, int chunks) {}

        private final Map<String, List<Entry>> byKey = new HashMap<>();
        private final int candidates;

        Straightforward(
                Map<String, Integer> vocabulary,
                Function<String, List<NameKey>> keysOf,
                String language,
                int candidates) {
            this.candidates = candidates;
            vocabulary.forEach((word, chunks) -> {
                List<String> wordTerms = LanguageAnalyzers.terms(word, language);
                String term = wordTerms.isEmpty() ? word : String.join(" ", wordTerms);
                for (NameKey key : keysOf.apply(word)) {
                    if (key.key().length() >= NameIndex.MIN_KEY) {
                        byKey.computeIfAbsent(key.key(), k -> new ArrayList<>())
                                .add(new Entry(word, term, chunks, key.distance()));
                    }
                }
            });
        }

        List<WeightedTerm> match(String name, List<NameKey> keys, double weight) {
            Map<String, Integer> distanceByWord = new HashMap<>();
            Map<String, Entry> entryByWord = new HashMap<>();
            Map<String, Integer> exact = new HashMap<>();
            keys.forEach(key -> exact.merge(key.key(), key.distance(), Math::min));
            probe(exact, distanceByWord, entryByWord);
            boolean latinName = !name.isEmpty() && name.charAt(0) < 0x0600;
            if (latinName && !distanceByWord.containsValue(0)) {
                Map<String, Integer> near = new HashMap<>();
                keys.forEach(key -> oneClassAway(key).forEach(n -> near.merge(n.key(), n.distance(), Math::min)));
                exact.keySet().forEach(near::remove);
                probe(near, distanceByWord, entryByWord);
            }
            Map<String, Candidate> byTerm = new HashMap<>();
            Map<String, Integer> chunksByTerm = new HashMap<>();
            entryByWord.forEach((word, entry) -> {
                chunksByTerm.merge(entry.term(), entry.chunks(), Integer::sum);
                Candidate candidate = new Candidate(word, distanceByWord.get(word), entry.chunks());
                byTerm.merge(
                        entry.term(),
                        candidate,
                        (a, b) -> a.distance() < b.distance()
                                        || (a.distance() == b.distance()
                                                && (a.chunks() > b.chunks()
                                                        || (a.chunks() == b.chunks()
                                                                && a.word().compareTo(b.word()) <= 0)))
                                ? a
                                : b);
            });
            Comparator<Map.Entry<String, Candidate>> byFrequency =
                    Comparator.<Map.Entry<String, Candidate>>comparingInt(e -> -chunksByTerm.get(e.getKey()))
                            .thenComparing(Map.Entry::getKey);
            List<Map.Entry<String, Candidate>> ranked = new ArrayList<>(byTerm.entrySet());
            ranked.sort(Comparator.<Map.Entry<String, Candidate>>comparingInt(
                            e -> e.getValue().distance())
                    .thenComparing(byFrequency));
            ranked = new ArrayList<>(ranked.subList(0, Math.min(16, ranked.size())));
            List<String> nameSkeletons = name.isEmpty() ? List.of() : TransliterationKey.skeletons(name);
            Map<String, Integer> skeletonDistance = new HashMap<>();
            ranked.forEach(e -> skeletonDistance.put(
                    e.getKey(),
                    NameIndex.skeletonDistance(
                            nameSkeletons,
                            TransliterationKey.skeletons(e.getValue().word()),
                            latinName)));
            ranked.sort(Comparator.<Map.Entry<String, Candidate>>comparingInt(
                            e -> e.getValue().distance())
                    .thenComparing(e -> skeletonDistance.get(e.getKey()))
                    .thenComparing(byFrequency));
            int nearestDistance =
                    ranked.isEmpty() ? 0 : ranked.get(0).getValue().distance();
            int kept = (int) Math.min(
                    candidates,
                    ranked.stream()
                            .takeWhile(e -> e.getValue().distance() == nearestDistance)
                            .count());
            double total = 0;
            for (int rank = 1; rank <= kept; rank++) {
                total += 1.0 / rank;
            }
            List<WeightedTerm> matches = new ArrayList<>(kept);
            for (int rank = 1; rank <= kept; rank++) {
                matches.add(new WeightedTerm(ranked.get(rank - 1).getValue().word(), weight / rank / total));
            }
            return matches;
        }

        private void probe(
                Map<String, Integer> keys, Map<String, Integer> distanceByWord, Map<String, Entry> entryByWord) {
            keys.forEach((key, distance) -> {
                for (Entry entry : byKey.getOrDefault(key, List.of())) {
                    distanceByWord.merge(entry.word(), distance + entry.distance(), Math::min);
                    entryByWord.putIfAbsent(entry.word(), entry);
                }
            });
        }

        /** Every key one class away, found by comparing the name's key with each indexed key. */
        private List<NameKey> oneClassAway(NameKey key) {
            List<NameKey> near = new ArrayList<>();
            String k = key.key();
            if (k.length() < NameIndex.MIN_FUZZY_KEY) {
                return near;
            }
            for (String other : byKey.keySet()) {
                if (other.length() >= NameIndex.MIN_FUZZY_KEY && oneEditApart(k, other)) {
                    near.add(new NameKey(other, key.distance() + NameIndex.FUZZY_DISTANCE));
                }
            }
            return near;
        }

        private static boolean oneEditApart(String a, String b) {
            if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
                return false;
            }
            String shorter = a.length() <= b.length() ? a : b;
            String longer = shorter == a ? b : a;
            int i = 0;
            while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
                i++;
            }
            return shorter.length() == longer.length()
                    ? shorter.substring(i + 1).equals(longer.substring(i + 1))
                    : shorter.substring(i).equals(longer.substring(i + 1));
        }
    }
}
