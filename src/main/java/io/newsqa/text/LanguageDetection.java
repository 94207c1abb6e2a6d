package io.newsqa.text;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextFilter;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Language of an article or a question, as an ISO 639-1 code.
 *
 * <p>Arabic script is decisive on its own and short questions give n-gram detectors too little to
 * go on, so a text whose letters are mostly Arabic is {@code ar} without asking the detector; the
 * optimaize n-gram detector decides the rest.
 */
public final class LanguageDetection {

    /** Returned when nothing better can be said: the product's second language. */
    public static final String FALLBACK = "en";

    /** The detector reads at most this much; more says nothing new about the language. */
    private static final int SAMPLE_CHARS = 10_000;

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /**
     * Links and e-mail addresses say nothing of the language; they are dropped word by word. The
     * library's own UrlTextFilter does it with a regular expression that backtracks for minutes on
     * long runs of letters and '@' (found by fuzzing the dump reader), so it is not used.
     */
    private static final TextFilter WITHOUT_LINKS = text -> {
        StringBuilder kept = new StringBuilder(text.length());
        for (String word : WHITESPACE.split(text)) {
            if (!word.contains("://") && !word.contains("@") && !word.startsWith("www.")) {
                kept.append(word).append(' ');
            }
        }
        return kept.toString();
    };

    private LanguageDetection() {}

    /**
     * The n-gram detector, built on first use: reading its seventy language profiles costs a
     * second of CPU that Arabic text, decided by its script alone, never needs.
     */
    private static final class NgramDetector {

        /** As the library's large-text factory, with the linear link filter. */
        static final TextObjectFactory LARGE_TEXT = new TextObjectFactoryBuilder()
                .maxTextLength(SAMPLE_CHARS)
                .withTextFilter(WITHOUT_LINKS)
                .withTextFilter(RemoveMinorityScriptsTextFilter.forThreshold(0.3))
                .build();

        static final TextObjectFactory SHORT_TEXT = CommonTextObjectFactories.forDetectingShortCleanText();
        static final LanguageDetector DETECTOR = build();

        private static LanguageDetector build() {
            try {
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("language profiles missing from the classpath", e);
            }
        }
    }

    public static String detect(String text) {
        long arabic = 0;
        long letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC) {
                    arabic++;
                }
            }
            i += Character.charCount(cp);
        }
        if (letters == 0) {
            return FALLBACK;
        }
        if (arabic * 2 > letters) {
            return "ar";
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        List<DetectedLanguage> probabilities = NgramDetector.DETECTOR.getProbabilities(
                (sample.length() < 200 ? NgramDetector.SHORT_TEXT : NgramDetector.LARGE_TEXT).forText(sample));
        if (probabilities.isEmpty() || probabilities.get(0).getProbability() < 0.5) {
            return FALLBACK;
        }
        return probabilities.get(0).getLocale().getLanguage();
    }
}
