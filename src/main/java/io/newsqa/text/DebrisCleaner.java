package io.newsqa.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟]\\s*$");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s.:!،:|-]+$");

    private DebrisCleaner() {
    }

    /** Breaking-news tags that sites put in front of a headline ("عاجل: ...", "Breaking | ..."). */
    private static final Pattern TITLE_TAG = Pattern.compile(
            "^(عاجل|خبر عاجل|عاجل جدا|بالفيديو|بالصور|breaking|breaking news|urgent|update)\\s*[:：|\\-–]\\s*",
            Pattern.CASE_INSENSITIVE);
    /** A byline on a line of its own: "By Jane Doe", "بقلم: فلان", "كتب - فلان". */
    private static final Pattern BYLINE_LINE = Pattern.compile(
            "^(?:(?i:by)\\s+\\p{Lu}[^.!?:]{1,40}|بقلم\\s*[:：\\-–]?\\s*[^.!?؟،,:]{2,40}"
                    + "|(?:كتب|كتبت|إعداد|اعداد|تحرير)\\s*[:：\\-–]\\s*[^.!?؟،,:]{2,40})$");
    /** "Read more" teasers that pages glue to the end of a paragraph ("...the end. Read more »"). */
    private static final Pattern GLUED_READ_MORE = Pattern.compile(
            "\\s*(اقرأ المزيد|اقرأ أيضا|اقرأ أيضاً|Read more|Continue reading)\\s*[»›…>.]*\\s*$", Pattern.CASE_INSENSITIVE);

    /**
     * A headline without breaking-news tags, invisible characters and runs of spaces, so the
     * stored title is the headline and not "عاجل".
     */
    public static String cleanTitle(String title) {
        String line = SPACES.matcher(INVISIBLE.matcher(Normalizer.normalize(title, Normalizer.Form.NFC)).replaceAll(""))
                .replaceAll(" ").replaceAll("\\R", " ").strip();
        String untagged = TITLE_TAG.matcher(line).replaceFirst("").strip();
        return untagged.isEmpty() ? line : untagged;
    }

    /**
     * {@link #clean(String)}, and also removes the byline where the page glued it to the text:
     * on a line of its own, or at the start of the first paragraph.
     *
     * @param byline the author as the source gives it separately, or {@code null}
     */
    public static String clean(String text, String byline) {
        String cleaned = clean(text);
        if (byline == null || byline.isBlank() || cleaned.isEmpty()) {
            return cleaned;
        }
        String author = SPACES.matcher(Normalizer.normalize(byline, Normalizer.Form.NFC)).replaceAll(" ").strip();
        List<String> paragraphs = new ArrayList<>(List.of(cleaned.split("\n\n")));
        paragraphs.removeIf(paragraph -> paragraph.equals(author) || END_PUNCTUATION.matcher(paragraph).replaceAll("").equals(author));
        if (!paragraphs.isEmpty() && author.length() >= 3 && paragraphs.get(0).startsWith(author)) {
            String rest = paragraphs.get(0).substring(author.length()).replaceFirst("^[\\s:：\\-–|]+", "");
            if (rest.isEmpty()) {
                paragraphs.remove(0);
            } else {
                paragraphs.set(0, rest);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** The cleaned text: one paragraph per line group, paragraphs separated by one blank line. */
    public static String clean(String text) {
        String normalised = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
        List<String> kept = new ArrayList<>();
        String previous = null;
        for (String rawLine : normalised.split("\\R")) {
            String line = SPACES.matcher(rawLine).replaceAll(" ").strip();
            line = GLUED_SUFFIX.matcher(line).replaceAll("").strip();
            line = GLUED_READ_MORE.matcher(line).replaceAll("").strip();
            if (line.isEmpty() || isDebrisLine(line) || (kept.size() < 2 && BYLINE_LINE.matcher(line).matches())) {
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
        return String.join("\n\n", withoutRepeatedCaptions(kept));
    }

    /**
     * Captions a page shows twice apart (under the photo and again in a gallery at the end): a
     * short line without sentence punctuation that occurs more than once is not article text.
     */
    private static List<String> withoutRepeatedCaptions(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(line, 1, Integer::sum);
        }
        List<String> kept = new ArrayList<>(lines.size());
        Set<String> seenLong = new HashSet<>();
        for (String line : lines) {
            boolean repeated = counts.get(line) > 1;
            if (repeated && line.length() <= MAX_CAPTION_LENGTH && !SENTENCE_END.matcher(line).find()) {
                continue;
            }
            if (repeated && !seenLong.add(line)) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    static boolean isDebrisLine(String line) {
        String bare = END_PUNCTUATION.matcher(line).replaceAll("").toLowerCase(Locale.ROOT);
        return DEBRIS_LINES.contains(bare) || READ_MORE_LINE.matcher(line).matches();
    }
}
