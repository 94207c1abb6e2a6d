package io.newsqa.eval;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.embedding.Embeddings;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.translate.CrossLingualRanking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The searches measured over a fresh archive: the product's hybrid search, its parts, and the variants asked for. */
final class EvalSearches {

    private final Embeddings embeddings;
    private final EvalRunner.Settings settings;
    /** Extra hybrid runs with cross-lingual rankings: name → the ranking over the fresh archive. */
    private final Map<String, Function<ArchiveIndex, CrossLingualRanking>> crossLingual;

    EvalSearches(
            Embeddings embeddings,
            EvalRunner.Settings settings,
            Map<String, Function<ArchiveIndex, CrossLingualRanking>> crossLingual) {
        this.embeddings = embeddings;
        this.settings = settings;
        this.crossLingual = crossLingual;
    }

    /** The hybrid search as the product configures it, time words read from the day the question is asked on. */
    HybridSearch productSearch(ArchiveIndex archive, LocalDate askedOn, CrossLingualRanking translation) {
        return hybrid(archive, settings.weights(), translation, askedOn);
    }

    /** Every method measured over the archive, in the order of the report's rows. */
    List<RetrievalMethod> methods(ArchiveIndex archive) {
        List<RetrievalMethod> methods = new ArrayList<>(ArchiveMethods.all(
                archive, embeddings.queries(), day -> productSearch(archive, day, CrossLingualRanking.off())));
        settings.fusionVariants()
                .forEach((name, weights) -> methods.add(
                        ArchiveMethods.hybrid(name, day -> hybrid(archive, weights, CrossLingualRanking.off(), day))));
        crossLingual.forEach((name, ranking) -> {
            CrossLingualRanking translation = ranking.apply(archive);
            methods.add(ArchiveMethods.hybrid(name, day -> productSearch(archive, day, translation)));
        });
        return methods;
    }

    private HybridSearch hybrid(
            ArchiveIndex archive,
            Function<String, FusionWeights> weights,
            CrossLingualRanking translation,
            LocalDate askedOn) {
        // Without a day, time words OFF, explicitly: SQuAD questions name years ("in 1998") while its
        // paragraphs have no dates, so a date filter would find nothing and the figures would collapse.
        QuestionTime time =
                askedOn == null ? QuestionTime.off() : settings.askedOn().apply(askedOn);
        return new HybridSearch(
                archive,
                embeddings.queries(),
                HybridSearch.Settings.of(weights, settings.maxChunksPerArticle()),
                translation,
                time);
    }
}
