package io.newsqa.archive.postgres;

/**
 * Which PostgreSQL text-search configuration analyses a language: {@code arabic} and
 * {@code english} stem and drop stop words (Snowball, as the embedded archive does), any other
 * language is only lower-cased ({@code simple}) because a wrong stemmer does more harm than none.
 */
final class TextSearchConfig {

    private TextSearchConfig() {}

    static String forLanguage(String language) {
        if ("ar".equals(language)) {
            return "arabic";
        }
        if ("en".equals(language)) {
            return "english";
        }
        return "simple";
    }
}
