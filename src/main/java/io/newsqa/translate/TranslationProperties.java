package io.newsqa.translate;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param weight         weight of each translated lexical ranking in the fusion
 * @param llm            with a language model configured: its query translation is fused with
 *                       the dictionary's ({@code in-addition}), replaces it ({@code instead}) or is
 *                       not asked for ({@code off})
 * @param llmTimeout     how long a search waits for the model's translation before going on with the dictionary's
 * @param namesMaxAge    how old the index of the archive's words used to match names across scripts may grow
 */
@ConfigurationProperties("newsqa.translation")
public record TranslationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/usr/share/dictd") Path dictionaryDir,

        @DefaultValue("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo")
        Path countryNames,

        @DefaultValue("4") int maxSenses,
        @DefaultValue("1.0") double weight,
        @DefaultValue("in-addition") LlmTranslationMode llm,
        @DefaultValue("5s") Duration llmTimeout,
        @DefaultValue("10m") Duration namesMaxAge) {}
