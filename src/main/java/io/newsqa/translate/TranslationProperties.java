package io.newsqa.translate;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Offline cross-lingual search ({@code newsqa.translation.*}); defaults and comments in
 * {@code application.yml}.
 *
 * @param enabled        false turns the feature off even when the dictionaries are installed
 * @param dictionaryDir  folder with the FreeDict dictd files (freedict-eng-ara.*, freedict-ara-eng.*)
 * @param countryNames   gettext catalogue of Arabic country names (Debian iso-codes); optional
 * @param maxSenses      senses of a word used at most, first ones weigh more
 * @param weight         weight of the translated lexical ranking in the fusion
 */
@ConfigurationProperties("newsqa.translation")
public record TranslationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/usr/share/dictd") Path dictionaryDir,
        @DefaultValue("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo") Path countryNames,
        @DefaultValue("4") int maxSenses,
        @DefaultValue("2.0") double weight) {
}
