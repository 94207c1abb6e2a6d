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

    @Bean
    CrossLingualRanking crossLingualRanking(ArchiveIndex archive, TranslationProperties properties) {
        if (!properties.enabled()) {
            log.info("Cross-lingual search is off (newsqa.translation.enabled=false)");
            return CrossLingualRanking.off();
        }
        List<DictionaryQueryTranslator> translators = DictionaryTranslators.load(
                properties.dictionaryDir(), properties.countryNames(), properties.maxSenses());
        return translators.isEmpty() ? CrossLingualRanking.off()
                : new CrossLingualRanking(archive, translators, properties.weight());
    }
}
