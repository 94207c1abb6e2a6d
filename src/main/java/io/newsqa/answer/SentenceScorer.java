package io.newsqa.answer;

import io.newsqa.text.LanguageAnalyzers;
import io.newsqa.text.QuestionTerms;
import io.newsqa.text.SentenceSplitter;
import io.newsqa.text.Unquotable;
import io.newsqa.translate.QuestionTranslation;
import io.newsqa.translate.TranslatedQuestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores every quotable sentence of the retrieved passages against a question: the share of the
 * question's terms it covers (through the dictionaries for a sentence in another language), the
 * embedding similarity times the language's weight, a bonus for a higher-ranked passage, and the
 * conversation's topic.
 */
final class SentenceScorer {

    /** Bonus for coming from the first passage, shrinking with the passage's rank. */
    static final double RANK_BONUS = 0.05;

    private final SentenceEmbedder embedder;
    private final ExtractiveSettings settings;
    private final QuestionTranslation translation;

    SentenceScorer(SentenceEmbedder embedder, ExtractiveSettings settings, QuestionTranslation translation) {
        this.embedder = embedder;
        this.settings = settings;
        this.translation = translation;
    }

    /** Every sentence of the sources, scored against the question, best ranked first. */
    List<ScoredSentence> score(String question, String carried, String language, List<Source> sources) {
        Set<String> questionTerms = questionTerms(question, language);
        if (questionTerms.isEmpty()) {
            return List.of();
        }
        Set<String> carriedTerms = QuestionTerms.of(carried, language);
        carriedTerms.removeAll(questionTerms);
        Map<Source, Double> topics = new HashMap<>();
        record Raw(
                Source source, int position, String text, Set<String> terms, double coverage, boolean sameLanguage) {}
        Map<String, Optional<TranslatedQuestion>> translations = new HashMap<>();
        List<Raw> raws = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Source source : sources) {
            boolean sameLanguage = language.equals(source.language());
            Optional<TranslatedQuestion> translated = sameLanguage
                    ? Optional.empty()
                    : translations.computeIfAbsent(
                            source.language(),
                            to -> translation.translate(question, language, to, textsIn(sources, to)));
            List<String> sentences = SentenceSplitter.split(source.text());
            for (int position = 0; position < sentences.size(); position++) {
                String sentence = sentences.get(position).strip();
                // Overlapping chunks repeat their boundary sentence: quote it once. Sub-headings,
                // bylines, captions, navigation and isnad chains answer nothing.
                if (Unquotable.isUnquotable(sentence) || !seen.add(source.articleId() + "\u0000" + sentence)) {
                    continue;
                }
                Set<String> terms = new HashSet<>(
                        sameLanguage
                                ? LanguageAnalyzers.matchTerms(sentence, language)
                                : LanguageAnalyzers.terms(sentence, source.language()));
                double coverage;
                if (sameLanguage) {
                    coverage = TermMatch.coverage(questionTerms, terms, language);
                } else {
                    coverage = translated.map(words -> words.coverage(terms)).orElse(0.0);
                }
                raws.add(new Raw(source, position, sentence, terms, coverage, sameLanguage));
            }
        }
        double weight = settings.embeddingWeight(language);
        List<Double> similarities = similarities(
                question, raws.stream().filter(Raw::sameLanguage).map(Raw::text).toList(), weight);
        List<ScoredSentence> scored = new ArrayList<>(raws.size());
        int sameLanguageIndex = 0;
        for (Raw raw : raws) {
            double score = raw.coverage() + RANK_BONUS / raw.source().n();
            double similarity = 0;
            double minScore;
            if (raw.sameLanguage()) {
                similarity = similarities.get(sameLanguageIndex++);
                score += weight * Math.max(0, similarity);
                minScore = settings.minScore(language);
            } else {
                // The built-in embedding model cannot compare across languages: translated coverage
                // alone, against the threshold for translated sentences.
                minScore = settings.translatedMinScore();
            }
            double topic = carriedTerms.isEmpty() || !raw.sameLanguage()
                    ? 0
                    : topics.computeIfAbsent(
                            raw.source(),
                            source -> TermMatch.coverage(
                                    carriedTerms,
                                    new HashSet<>(
                                            LanguageAnalyzers.terms(source.title() + "\n" + source.text(), language)),
                                    language));
            scored.add(new ScoredSentence(
                    raw.source(),
                    raw.position(),
                    raw.text(),
                    raw.terms(),
                    raw.coverage(),
                    similarity,
                    score,
                    minScore,
                    topic,
                    BackReference.refersBack(raw.text())));
        }
        scored.sort(Comparator.comparingDouble(ScoredSentence::rank).reversed());
        return scored;
    }

    static Set<String> questionTerms(String question, String language) {
        return QuestionTerms.forMatching(question, language);
    }

    /** The texts of the sources in one language: a translated question is read against the words they hold. */
    static List<String> textsIn(List<Source> sources, String language) {
        return sources.stream()
                .filter(source -> language.equals(source.language()))
                .map(Source::text)
                .toList();
    }

    private List<Double> similarities(String question, List<String> sentences, double weight) {
        if (weight == 0 || sentences.isEmpty()) {
            return sentences.stream().map(s -> 0.0).toList();
        }
        float[] q = embedder.embedQuestion(question);
        return embedder.embedAll(sentences).stream()
                .map(v -> SentenceEmbedder.cosine(q, v))
                .toList();
    }
}
