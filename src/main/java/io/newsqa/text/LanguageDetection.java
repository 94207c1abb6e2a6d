package io.newsqa.text;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
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

    private static final LanguageDetection INSTANCE = new LanguageDetection();

    private final LanguageDetector detector;
    private final TextObjectFactory largeText = CommonTextObjectFactories.forDetectingOnLargeText();
    private final TextObjectFactory shortText = CommonTextObjectFactories.forDetectingShortCleanText();

    private LanguageDetection() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("language profiles missing from the classpath", e);
        }
    }

    public static String detect(String text) {
        return INSTANCE.detectLanguage(text);
    }

    private String detectLanguage(String text) {
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
        List<DetectedLanguage> probabilities = detector.getProbabilities(
                (text.length() < 200 ? shortText : largeText).forText(text));
        if (probabilities.isEmpty() || probabilities.get(0).getProbability() < 0.5) {
            return FALLBACK;
        }
        return probabilities.get(0).getLocale().getLanguage();
    }
}
