package io.newsqa.translate;

import io.newsqa.text.ArabicNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers and dates of an Arabic sentence in English, for a reader who cannot read the
 * sentence: "قتل 66 شخصا" → "66", "49.61 مليار دولار" → "49.61 billion", "ارتفعت 33 %" → "33 percent",
 * "23 يوليو 2015" → "23 July 2015", "٢٣ تموز" → "23 July". Digits of either script.
 */
public final class ArabicFigures {

    private static final Pattern TOKEN = Pattern.compile("\\p{N}+(?:[.,٫]\\p{N}+)*|[%٪]|\\p{L}[\\p{L}\\p{M}]*");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private ArabicFigures() {}

    /** The sentence's figures in English, in reading order, each once. */
    public static List<String> of(String sentence) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(ArabicNormalizer.normalize(sentence));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        Set<String> figures = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            Optional<String> month = month(tokens, i);
            if (NumberAndDateWords.isNumber(token)) {
                StringBuilder figure = new StringBuilder(NumberAndDateWords.asciiDigits(token));
                i++;
                Optional<String> next = i < tokens.size() ? month(tokens, i) : Optional.empty();
                if (next.isPresent()) {
                    figure.append(' ').append(next.get());
                    i += monthLength(tokens, i);
                    i = appendYear(tokens, i, figure);
                } else if (i < tokens.size()) {
                    Optional<String> unit = magnitude(tokens.get(i));
                    if (unit.isPresent()) {
                        figure.append(' ').append(unit.get());
                        i++;
                    }
                }
                figures.add(figure.toString());
            } else if (month.isPresent()
                    && i + monthLength(tokens, i) < tokens.size()
                    && YEAR.matcher(NumberAndDateWords.asciiDigits(tokens.get(i + monthLength(tokens, i))))
                            .matches()) {
                StringBuilder figure = new StringBuilder(month.get());
                i = appendYear(tokens, i + monthLength(tokens, i), figure);
                figures.add(figure.toString());
            } else {
                i++;
            }
        }
        return List.copyOf(figures);
    }

    private static int appendYear(List<String> tokens, int at, StringBuilder figure) {
        if (at < tokens.size()
                && YEAR.matcher(NumberAndDateWords.asciiDigits(tokens.get(at))).matches()) {
            figure.append(' ').append(NumberAndDateWords.asciiDigits(tokens.get(at)));
            return at + 1;
        }
        return at;
    }

    /** The English month written at {@code at}, in one word (يوليو) or two (كانون الثاني). */
    private static Optional<String> month(List<String> tokens, int at) {
        if (at + 1 < tokens.size()) {
            Optional<List<String>> two =
                    NumberAndDateWords.translatePhrase(tokens.get(at) + " " + tokens.get(at + 1), "ar");
            if (two.isPresent()) {
                return Optional.of(two.get().get(0));
            }
        }
        return monthWord(tokens.get(at));
    }

    private static int monthLength(List<String> tokens, int at) {
        return at + 1 < tokens.size()
                        && NumberAndDateWords.translatePhrase(tokens.get(at) + " " + tokens.get(at + 1), "ar")
                                .isPresent()
                ? 2
                : 1;
    }

    private static Optional<String> monthWord(String token) {
        return NumberAndDateWords.translate(token, "ar")
                .map(words -> words.get(0))
                .filter(word -> Character.isUpperCase(word.charAt(0)));
    }

    private static Optional<String> magnitude(String token) {
        return NumberAndDateWords.translate(token, "ar")
                .map(words -> words.get(0))
                .filter(word -> Character.isLowerCase(word.charAt(0)));
    }
}
