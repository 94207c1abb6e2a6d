package io.newsqa.translate;

import io.newsqa.archive.ArchiveSearch;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's words of each target language indexed by transliteration key ({@link NameIndex}),
 * cached: reading the vocabulary is a full scan of that language's chunks. Built on first use;
 * once older than {@code maxAge} it is rebuilt in the background while queries keep using the old
 * one, so newly ingested names become findable within {@code maxAge}.
 */
final class ArchiveNames {

    private static final Logger log = LoggerFactory.getLogger(ArchiveNames.class);

    private record Snapshot(NameIndex index, long builtAtNanos) {}

    private final ArchiveSearch archive;
    private final Duration maxAge;
    private final Map<String, Snapshot> byLanguage = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshing = new ConcurrentHashMap<>();

    ArchiveNames(ArchiveSearch archive, Duration maxAge) {
        this.archive = archive;
        this.maxAge = maxAge;
    }

    /** The name index of the translator's target language. */
    NameIndex of(DictionaryQueryTranslator translator) {
        String language = translator.targetLanguage();
        Snapshot snapshot = byLanguage.get(language);
        if (snapshot == null) {
            synchronized (this) {
                return byLanguage
                        .computeIfAbsent(language, l -> build(translator))
                        .index();
            }
        }
        if (System.nanoTime() - snapshot.builtAtNanos() > maxAge.toNanos()
                && refreshing.putIfAbsent(language, true) == null) {
            CompletableFuture.runAsync(() -> {
                try {
                    byLanguage.put(language, build(translator));
                } catch (RuntimeException e) {
                    log.warn(
                            "Could not refresh the archive's {} names for cross-lingual search, keeping the old ones: {}",
                            language,
                            e.getMessage());
                } finally {
                    refreshing.remove(language);
                }
            });
        }
        return snapshot.index();
    }

    private Snapshot build(DictionaryQueryTranslator translator) {
        long start = System.nanoTime();
        Map<String, Integer> vocabulary = archive.vocabulary(translator.targetLanguage());
        NameIndex index = NameIndex.of(vocabulary, translator::targetKeys, translator.targetLanguage());
        log.info(
                "Cross-lingual names: {} {} words of the archive under {} keys, in {} ms",
                vocabulary.size(),
                translator.targetLanguage(),
                index.keys(),
                (System.nanoTime() - start) / 1_000_000);
        return new Snapshot(index, System.nanoTime());
    }
}
