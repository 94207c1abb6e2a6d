package io.newsqa.answer;

import io.newsqa.archive.Article;
import io.newsqa.retrieve.RetrievedPassage;
import io.newsqa.text.LanguageAnalyzers;
import io.newsqa.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers without a language model: quotes the archive's sentences that best cover the
 * question's terms, each followed by the number of its source.
 *
 * <p>A sentence is scored by the share of the question's distinct terms it contains (after the
 * language's normalisation and stemming, see {@link LanguageAnalyzers}), plus a small bonus for
 * coming from a higher-ranked passage. Nothing below {@code minCoverage} is quoted: when no
 * sentence reaches it, the archive is taken not to answer the question and the answer says so.
 */
public final class ExtractiveAnswerer {

    /** A sentence too similar (by shared terms) to one already chosen adds nothing. */
    private static final double MAX_OVERLAP_WITH_CHOSEN = 0.7;
    /** Bonus for coming from the first passage, shrinking with the passage's rank. */
    private static final double RANK_BONUS = 0.05;

    private final double minCoverage;
    private final int maxSentences;
    private final int maxCharacters;

    public ExtractiveAnswerer(double minCoverage, int maxSentences, int maxCharacters) {
        this.minCoverage = minCoverage;
        this.maxSentences = maxSentences;
        this.maxCharacters = maxCharacters;
    }

    private record Candidate(Article article, int passageRank, int chunkOrdinal, int position, String text,
                             Set<String> terms, double coverage, double score) {
    }

    public Answer answer(String question, String language, List<RetrievedPassage> passages) {
        Set<String> questionTerms = new HashSet<>(LanguageAnalyzers.terms(question, language));
        List<Candidate> candidates = candidates(questionTerms, passages);
        List<Candidate> chosen = choose(candidates);
        if (chosen.isEmpty()) {
            return notFound(language);
        }
        return compose(chosen, language);
    }

    private List<Candidate> candidates(Set<String> questionTerms, List<RetrievedPassage> passages) {
        List<Candidate> candidates = new ArrayList<>();
        if (questionTerms.isEmpty()) {
            return candidates;
        }
        Set<String> seen = new HashSet<>();
        for (int rank = 0; rank < passages.size(); rank++) {
            RetrievedPassage passage = passages.get(rank);
            Article article = passage.hit().article();
            List<String> sentences = SentenceSplitter.split(passage.hit().text());
            for (int position = 0; position < sentences.size(); position++) {
                String sentence = sentences.get(position).strip();
                // Overlapping chunks repeat their boundary sentence: quote it once.
                if (!seen.add(article.id() + "\u0000" + sentence)) {
                    continue;
                }
                Set<String> terms = new HashSet<>(LanguageAnalyzers.terms(sentence, article.language()));
                long matched = questionTerms.stream().filter(terms::contains).count();
                double coverage = (double) matched / questionTerms.size();
                double score = coverage + RANK_BONUS / (1 + rank);
                candidates.add(new Candidate(article, rank, passage.hit().ordinal(), position, sentence, terms, coverage, score));
            }
        }
        return candidates;
    }

    private List<Candidate> choose(List<Candidate> candidates) {
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> chosen = new ArrayList<>();
        int characters = 0;
        for (Candidate candidate : ranked) {
            if (chosen.size() == maxSentences || candidate.coverage() < minCoverage) {
                break;
            }
            if (tooSimilarToChosen(candidate, chosen)) {
                continue;
            }
            if (!chosen.isEmpty() && characters + candidate.text().length() > maxCharacters) {
                continue;
            }
            chosen.add(candidate);
            characters += candidate.text().length();
        }
        return chosen;
    }

    private static boolean tooSimilarToChosen(Candidate candidate, List<Candidate> chosen) {
        for (Candidate other : chosen) {
            Set<String> shared = new HashSet<>(candidate.terms());
            shared.retainAll(other.terms());
            int smaller = Math.min(candidate.terms().size(), other.terms().size());
            if (smaller > 0 && (double) shared.size() / smaller > MAX_OVERLAP_WITH_CHOSEN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sources numbered by their best sentence; within a source, sentences in reading order, so
     * that the quoted text follows the article's own narrative.
     */
    private Answer compose(List<Candidate> chosen, String language) {
        Map<String, List<Candidate>> bySource = new LinkedHashMap<>();
        for (Candidate candidate : chosen) {
            bySource.computeIfAbsent(candidate.article().id(), id -> new ArrayList<>()).add(candidate);
        }
        List<Citation> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (List<Candidate> sentences : bySource.values()) {
            sentences.sort(Comparator.comparingInt(Candidate::chunkOrdinal).thenComparingInt(Candidate::position));
            Article article = sentences.get(0).article();
            int n = citations.size() + 1;
            citations.add(new Citation(n, article.id(), article.title(), article.url(), article.publishedAt(), article.source()));
            for (Candidate sentence : sentences) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(sentence.text()).append(" [").append(n).append(']');
            }
        }
        return new Answer(text.toString(), citations, true, "extractive", language);
    }

    static Answer notFound(String language) {
        String text = "ar".equals(language)
                ? "لا يذكر الأرشيف إجابة عن هذا السؤال."
                : "The archive does not say.";
        return new Answer(text, List.of(), false, "extractive", language);
    }
}
