package io.newsqa.answer;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a passage must hold to answer a question at all: the years the question names. "من فاز
 * بكأس العالم 2022؟" over an archive of 2015 news finds passages about the World Cup, and their
 * sentences cover the question's other words well; none of them is about 2022, so none answers it.
 *
 * <p>A year is held by the passage's text or title, or by its article's publication year (news
 * rarely repeats the year it is written in). Names were tried as key entities too (an English
 * question's capitalised words, at least one in the passage): on XQuAD dev they refused more
 * answerable questions than unanswerable ones — questions name a topic in more words than a
 * passage repeats ("the Super Bowl 50 halftime show"), and misspell some — so names are left to
 * the coverage threshold.
 */
final class KeyEntities {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[0-9]{3}|20[0-9]{2})(?!\\d)");

    private final Set<String> years;

    private KeyEntities(Set<String> years) {
        this.years = years;
    }

    static KeyEntities of(String question) {
        Set<String> years = new LinkedHashSet<>();
        Matcher matcher = YEAR.matcher(TimeExpressions.westernDigits(question));
        while (matcher.find()) {
            years.add(matcher.group(1));
        }
        return new KeyEntities(years);
    }

    /** Whether the passage (its text, its title or its publication year) holds every year of the question. */
    boolean heldBy(Source source) {
        if (years.isEmpty()) {
            return true;
        }
        String text = TimeExpressions.westernDigits(source.title() + "\n" + source.text());
        for (String year : years) {
            boolean published = source.publishedAt() != null
                    && year.equals(String.valueOf(source.publishedAt().getYear()));
            if (!published
                    && !Pattern.compile("(?<!\\d)" + year + "(?!\\d)")
                            .matcher(text)
                            .find()) {
                return false;
            }
        }
        return true;
    }
}
