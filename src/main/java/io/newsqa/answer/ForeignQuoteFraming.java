package io.newsqa.answer;

import io.newsqa.translate.ArabicFigures;
import io.newsqa.translate.ArabicToLatin;
import io.newsqa.translate.QuestionTranslation;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An extractive answer quoted from an article in another language than the reader's, framed for
 * that reader. Offline nothing can translate the quoted sentences, so the answer says in the
 * reader's language what they are ("An Arabic report in sabq, 23 July 2015, says: «…» [1]") and,
 * for an English reader of Arabic, lists the facts usable without reading Arabic: the figures
 * and dates in English ({@link ArabicFigures}) and the names in Latin letters with their Arabic
 * spelling, the question's own spelling when one of its words is the same name
 * ({@link QuestionTranslation#sameName}), else a letter-by-letter reading ({@link ArabicToLatin}).
 */
final class ForeignQuoteFraming {

    /** More names than this are more likely the dictionary's gaps than names. */
    private static final int MAX_NAMES = 4;
    /**
     * Words shorter than this without their proclitics and article (وقال → قال) are mostly common
     * words the dictionary lacks in that form, more often than names.
     */
    private static final int MIN_NAME_LETTERS = 4;

    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}+");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ARABIC_DATE = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy", Locale.forLanguageTag("ar-EG"))
            .withDecimalStyle(java.time.format.DecimalStyle.STANDARD);

    private final QuestionTranslation translation;

    ForeignQuoteFraming(QuestionTranslation translation) {
        this.translation = translation;
    }

    /**
     * @param cited     the source the citation names
     * @param sentences the quoted sentences of that source's story, in reading order
     * @param n         the citation's number
     */
    String frame(String question, Source cited, List<String> sentences, int n, String readerLanguage) {
        String quote = String.join(" ", sentences);
        if ("ar".equals(readerLanguage)) {
            return "يقول تقرير ب" + languageName(cited.language(), readerLanguage) + place(cited, readerLanguage)
                    + ": «" + quote + "» [" + n + "]";
        }
        StringBuilder text = new StringBuilder(article(languageName(cited.language(), readerLanguage)))
                .append(" report")
                .append(place(cited, readerLanguage))
                .append(" says: «")
                .append(quote)
                .append("» [")
                .append(n)
                .append(']');
        if ("ar".equals(cited.language())) {
            List<String> figures = ArabicFigures.of(quote);
            if (!figures.isEmpty()) {
                text.append(" Figures in it: ")
                        .append(String.join("; ", figures))
                        .append('.');
            }
            List<String> names = names(question, quote);
            if (!names.isEmpty()) {
                text.append(" Names in it: ").append(String.join("; ", names)).append('.');
            }
        }
        return text.toString();
    }

    /** The quote's untranslated words as names: "Lavrov (لافروف)". */
    private List<String> names(String question, String quote) {
        List<String> questionWords = new ArrayList<>();
        Matcher latin = LATIN_WORD.matcher(question);
        while (latin.find()) {
            questionWords.add(latin.group());
        }
        List<String> names = new ArrayList<>();
        for (String word : translation.untranslatedWords(quote, "ar")) {
            if (QuestionTranslation.bareArabicName(word).length() < MIN_NAME_LETTERS) {
                continue;
            }
            String spelled = questionWords.stream()
                    .filter(candidate -> Character.isUpperCase(candidate.charAt(0)))
                    .filter(candidate -> QuestionTranslation.sameName(candidate, "en", word, "ar"))
                    .findFirst()
                    .orElse(ArabicToLatin.of(word));
            String name = spelled + " (" + word + ")";
            if (names.stream().noneMatch(known -> known.startsWith(spelled + " "))) {
                names.add(name);
            }
            if (names.size() == MAX_NAMES) {
                break;
            }
        }
        return names;
    }

    /** ", in sabq, 23 July 2015" or as much of it as is known. */
    private static String place(Source cited, String readerLanguage) {
        boolean arabic = "ar".equals(readerLanguage);
        StringBuilder place = new StringBuilder();
        if (cited.source() != null && !cited.source().isBlank()) {
            place.append(arabic ? " في " : " in ").append(cited.source());
        }
        if (cited.publishedAt() != null) {
            place.append(arabic ? "، " : ", ").append(cited.publishedAt().format(arabic ? ARABIC_DATE : ENGLISH_DATE));
        }
        if (!arabic && cited.publishedAt() != null) {
            place.append(',');
        }
        return place.toString();
    }

    private static String languageName(String language, String readerLanguage) {
        Locale source = Locale.forLanguageTag(language);
        String name = source.getDisplayLanguage(Locale.forLanguageTag(readerLanguage));
        return name.isBlank() ? language : name;
    }

    private static String article(String word) {
        return ("AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "An " : "A ") + word;
    }
}
