package io.newsqa.translate;

import io.newsqa.text.ArabicNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The real FreeDict files of the Debian packages, which scripts/test.sh installs
 * (scripts/provision-dictionaries.sh). Loaded once for all tests; tests fail, not skip, without them.
 */
final class InstalledDictionaries {

    static final Path DICTD = Path.of("/usr/share/dictd");
    static final Path COUNTRY_NAMES = Path.of("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo");

    static final DictdDictionary ENG_ARA;
    static final DictdDictionary ARA_ENG;
    static final CountryNames COUNTRIES;

    static {
        if (!Files.isReadable(DICTD.resolve("freedict-eng-ara.index"))) {
            throw new IllegalStateException(
                    "FreeDict dictionaries not installed: run scripts/provision-dictionaries.sh as root");
        }
        ENG_ARA = DictdDictionary.load(DICTD, "freedict-eng-ara", word -> word.toLowerCase(Locale.ROOT));
        ARA_ENG = DictdDictionary.load(DICTD, "freedict-ara-eng", ArabicNormalizer::normalize);
        COUNTRIES = CountryNames.load(COUNTRY_NAMES);
    }

    private InstalledDictionaries() {}

    static List<DictionaryQueryTranslator> translators() {
        return DictionaryTranslators.load(DICTD, COUNTRY_NAMES, 4);
    }
}
