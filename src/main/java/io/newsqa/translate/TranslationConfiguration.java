package io.newsqa.translate;

import io.newsqa.archive.ArchiveIndex;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires offline cross-lingual search: the dictionaries when installed, else an empty ranking. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TranslationProperties.class)
public class TranslationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TranslationConfiguration.class);

    /** The loaded dictionaries; empty when the feature is off or they are not installed. */
    @Bean
    DictionaryTranslatorList dictionaryTranslators(TranslationProperties properties) {
        if (!properties.enabled()) {
            log.info("Cross-lingual search is off (newsqa.translation.enabled=false)");
            return new DictionaryTranslatorList(List.of());
        }
        return new DictionaryTranslatorList(DictionaryTranslators.load(
                properties.dictionaryDir(), properties.countryNames(), properties.maxSenses()));
    }

    /** A bean type of its own: a plain List bean would collect every translator bean instead. */
    record DictionaryTranslatorList(List<DictionaryQueryTranslator> translators) {}

    /** @param llm the language model's query translation (wired with the model, in {@code answer}), or off */
    @Bean
    CrossLingualRanking crossLingualRanking(
            ArchiveIndex archive,
            DictionaryTranslatorList loaded,
            TranslationProperties properties,
            LlmQueryTranslator llm) {
        if (!properties.enabled() || (loaded.translators().isEmpty() && !llm.enabled())) {
            return CrossLingualRanking.off();
        }
        return new CrossLingualRanking(
                archive, loaded.translators(), properties.weight(), properties.namesMaxAge(), llm, properties.llm());
    }

    @Bean
    QuestionTranslation questionTranslation(DictionaryTranslatorList loaded) {
        return loaded.translators().isEmpty()
                ? QuestionTranslation.off()
                : new QuestionTranslation(loaded.translators());
    }
}
