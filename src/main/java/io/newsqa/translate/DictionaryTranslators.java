package io.newsqa.translate;

import io.newsqa.text.ArabicNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the English→Arabic and Arabic→English translators from the FreeDict dictd files
 * installed by the Debian packages {@code dict-freedict-eng-ara} and {@code dict-freedict-ara-eng}
 * (GPL data: read from the system, never bundled). Without them the feature is off, said once.
 */
public final class DictionaryTranslators {

    static final String ENGLISH_ARABIC = "freedict-eng-ara";
    static final String ARABIC_ENGLISH = "freedict-ara-eng";

    private static final Logger log = LoggerFactory.getLogger(DictionaryTranslators.class);

    private DictionaryTranslators() {}

    /** Both directions, or none (logged) when a dictionary is not installed or cannot be read. */
    public static List<DictionaryQueryTranslator> load(Path dictionaryDir, Path countryCatalogue, int maxSenses) {
        for (String name : List.of(ENGLISH_ARABIC, ARABIC_ENGLISH)) {
            if (!Files.isReadable(dictionaryDir.resolve(name + ".index"))) {
                log.info(
                        "Cross-lingual search is off: {} not found in {}. Install the Debian packages "
                                + "dict-freedict-eng-ara and dict-freedict-ara-eng (or set newsqa.translation.dictionary-dir).",
                        name + ".index",
                        dictionaryDir.toAbsolutePath());
                return List.of();
            }
        }
        long start = System.nanoTime();
        try {
            DictdDictionary engAra = DictdDictionary.load(
                    dictionaryDir, ENGLISH_ARABIC, word -> word.strip().toLowerCase(Locale.ROOT));
            DictdDictionary araEng = DictdDictionary.load(
                    dictionaryDir, ARABIC_ENGLISH, word -> ArabicNormalizer.normalize(word.strip()));
            CountryNames countries = countryNames(countryCatalogue);
            log.info(
                    "Cross-lingual search: {} English and {} Arabic headwords, {} country names, loaded in {} ms",
                    engAra.headwords(),
                    araEng.headwords(),
                    countries.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return List.of(
                    DictionaryQueryTranslator.englishToArabic(engAra, countries, maxSenses),
                    DictionaryQueryTranslator.arabicToEnglish(araEng, countries, maxSenses));
        } catch (RuntimeException e) {
            log.warn(
                    "Cross-lingual search is off: the dictionaries in {} could not be read ({}). "
                            + "Reinstall dict-freedict-eng-ara and dict-freedict-ara-eng.",
                    dictionaryDir.toAbsolutePath(),
                    e.getMessage());
            return List.of();
        }
    }

    private static CountryNames countryNames(Path catalogue) {
        if (catalogue == null || !Files.isReadable(catalogue)) {
            log.info("Country names not translated: {} not found (Debian package iso-codes)", catalogue);
            return CountryNames.none();
        }
        return CountryNames.load(catalogue);
    }
}
