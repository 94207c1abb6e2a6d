package io.newsqa.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what a news page adds around an article when a reader copies it: breaking-news tags,
 * share-button texts, "read more" lines, captions shown twice, invisible characters. The
 * article's own words are kept: a phrase is removed only when it stands alone on a line or is
 * glued to the edge of a paragraph, never from inside a sentence.
 */
public final class DebrisCleaner {

    /** Lines that are page furniture when they stand alone (compared case-insensitively, without end punctuation). */
    private static final Set<String> DEBRIS_LINES = Set.of(
            // breaking-news tags
            "عاجل", "خبر عاجل", "عاجل جدا", "breaking", "breaking news", "urgent",
            // share buttons and their feedback
            "تم نسخ الرابط", "انسخ الرابط", "نسخ الرابط", "شارك", "مشاركة", "شارك الخبر", "شارك المقال",
            "share", "share this", "share this article", "copy link", "link copied", "tweet", "print", "طباعة",
            // navigation to other articles
            "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ المزيد", "المزيد", "read more", "read also",
            "see also", "related", "related articles", "أخبار ذات صلة", "مواضيع ذات صلة");

    /** Share-button texts that pages glue to the end of the last paragraph ("...المطروحة.تم نسخ الرابط"). */
    private static final Pattern GLUED_SUFFIX = Pattern.compile(
            "\\s*(تم نسخ الرابط|انسخ الرابط|Link copied|Copy link)\\s*$", Pattern.CASE_INSENSITIVE);
    /** "Read more:" lines that carry a linked headline after the colon. */
    private static final Pattern READ_MORE_LINE = Pattern.compile(
            "^(اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|إقرأ أيضاً|اقرأ المزيد|Read more|Read also|See also)\\s*[:：-].*$",
            Pattern.CASE_INSENSITIVE);
    /** Zero-width and bidirectional control characters, the byte-order mark, the soft hyphen. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF\\u00AD]");
    /** Captions are short; a repeated line longer than this is a duplicated paragraph. */
    private static final int MAX_CAPTION_LENGTH = 80;
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\t]+");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s.:!،:|-]+$");

    private DebrisCleaner() {
    }

    /** The cleaned text: one paragraph per line group, paragraphs separated by one blank line. */
    public static String clean(String text) {
        String normalised = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
        List<String> kept = new ArrayList<>();
        String previous = null;
        for (String rawLine : normalised.split("\\R")) {
            String line = SPACES.matcher(rawLine).replaceAll(" ").strip();
            line = GLUED_SUFFIX.matcher(line).replaceAll("").strip();
            if (line.isEmpty() || isDebrisLine(line)) {
                continue;
            }
            if (line.equals(previous)) {
                // A short line shown twice in a row is an image caption: neither copy is article
                // text. A long paragraph shown twice is kept once.
                if (line.length() <= MAX_CAPTION_LENGTH && !kept.isEmpty() && kept.get(kept.size() - 1).equals(line)) {
                    kept.remove(kept.size() - 1);
                }
                continue;
            }
            kept.add(line);
            previous = line;
        }
        return String.join("\n\n", kept);
    }

    static boolean isDebrisLine(String line) {
        String bare = END_PUNCTUATION.matcher(line).replaceAll("").toLowerCase(Locale.ROOT);
        return DEBRIS_LINES.contains(bare) || READ_MORE_LINE.matcher(line).matches();
    }
}
