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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Removes what a news page adds around an article when a reader copies it: breaking-news tags,
 * share-button texts, "read more" lines, captions shown twice, invisible characters.
 *
 * <p>The article's own words are kept: a phrase is removed only when it stands alone on a line or
 * is glued to the edge of a paragraph, never from inside a sentence ("شارك الرئيس في القمة"
 * stays). The output keeps the text's structure: lines of a paragraph separated by one line
 * break, paragraphs by one blank line, white space runs collapsed to one space, Unicode in NFC.
 */
public final class DebrisCleaner {

    /** Breaking-news tags: page furniture when alone on a line, or in front of a headline ("عاجل: ..."). */
    static final List<String> BREAKING_TAGS = List.of(
            "عاجل",
            "خبر عاجل",
            "عاجل جدا",
            "عاجل جداً",
            "بالفيديو",
            "بالصور",
            "breaking",
            "breaking news",
            "urgent",
            "just in",
            "live");

    /**
     * Share-button feedback that no article sentence ends or starts with: removed alone on a
     * line and glued to either edge of a paragraph ("...المطروحة.تم نسخ الرابط").
     */
    static final List<String> SHARE_FEEDBACK =
            List.of("تم نسخ الرابط", "تم النسخ", "link copied", "copied to clipboard");

    /**
     * Share and tool buttons whose words can also be article words ("شارك الرئيس في القمة"):
     * removed alone on a line, or glued (one or several) to the end of a paragraph right after its
     * last sentence ends ("...المطروحة.شارك"), never at the start of a paragraph.
     */
    static final List<String> SHARE_BUTTONS = List.of(
            "انسخ الرابط",
            "نسخ الرابط",
            "شارك",
            "شارك الخبر",
            "شارك المقال",
            "مشاركة",
            "طباعة",
            "أرسل لصديق",
            "share",
            "share this",
            "share this article",
            "share on facebook",
            "share on x",
            "copy link",
            "tweet",
            "print",
            "email");

    /** Links to other articles: alone on a line, or followed by the linked headline after a colon. */
    static final List<String> READ_MORE = List.of(
            "اقرأ أيضا",
            "اقرأ أيضاً",
            "إقرأ أيضا",
            "إقرأ أيضاً",
            "اقرأ المزيد",
            "اقرأ كذلك",
            "طالع أيضا",
            "طالع أيضاً",
            "المزيد",
            "أخبار ذات صلة",
            "مواضيع ذات صلة",
            "read more",
            "read also",
            "see also",
            "related",
            "related articles",
            "more on this story");

    /** A repeated line up to this length is an image caption shown twice; a longer one is a repeated paragraph. */
    static final int MAX_CAPTION_LENGTH = 80;

    private static final Set<String> DEBRIS_LINES = Stream.of(BREAKING_TAGS, SHARE_FEEDBACK, SHARE_BUTTONS, READ_MORE)
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableSet());
    /** Characters that end a sentence, so a button text glued after them cannot be the sentence's last word. */
    private static final String SENTENCE_END = "[.!?؟…\"'»”)]";

    private static final Pattern FEEDBACK_AT_END = Pattern.compile(
            "\\s*(?:" + alternatives(SHARE_FEEDBACK) + ")\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FEEDBACK_AT_START = Pattern.compile(
            "^\\s*(?:" + alternatives(SHARE_FEEDBACK) + ")\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BUTTON_AFTER_LAST_SENTENCE = Pattern.compile(
            "(?<=" + SENTENCE_END + ")\\s*(?:(?:" + alternatives(SHARE_BUTTONS) + ")\\s*)+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Between a tag and a headline: a colon or bar, or a dash with space before it (not "Live-streamed"). */
    private static final String TAG_SEPARATOR = "(?:\\s*[:：|｜]|\\s+[–—-])";

    private static final Pattern TAG_BEFORE_HEADLINE = Pattern.compile(
            "^(?:" + alternatives(BREAKING_TAGS) + ")" + TAG_SEPARATOR + "\\s*(?=\\S)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern READ_MORE_WITH_HEADLINE = Pattern.compile(
            "^(?:" + alternatives(READ_MORE) + ")" + TAG_SEPARATOR + ".*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Invisible characters: zero-width space/joiners, bidi marks and embeddings/isolates (U+200B-U+200F,
     * U+202A-U+202E, U+2066-U+2069, U+061C Arabic letter mark), word joiner and invisible operators
     * (U+2060-U+2064), the byte-order mark, the soft hyphen, and C0/C1 control characters other than
     * line breaks and tabs.
     */
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\u061C\\u180E\\uFEFF\\u00AD"
                    + "\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F-\\x9F]");

    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\t]+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.:!،:|｜–—-]+$");

    /** A byline on a line of its own: "By Jane Doe", "بقلم: فلان", "كتب - فلان". */
    private static final Pattern BYLINE_LINE =
            Pattern.compile("^(?:(?i:by)\\s+\\p{Lu}[^.!?:]{1,40}|بقلم\\s*[:：\\-–]?\\s*[^.!?؟،,:]{2,40}"
                    + "|(?:كتب|كتبت|إعداد|اعداد|تحرير)\\s*[:：\\-–]\\s*[^.!?؟،,:]{2,40})$");
    /** "Read more" teasers that pages glue to the end of a paragraph ("...the end. Read more »"). */
    private static final Pattern GLUED_READ_MORE = Pattern.compile(
            "\\s*(اقرأ المزيد|اقرأ أيضا|اقرأ أيضاً|Read more|Continue reading)\\s*[»›…>.]*\\s*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * The outlet's link back to the article, with its headline, that republishing sites glue after
     * the last sentence ("...الثلاثاء القادم. رابط الخبر بصحيفة الوئام: النفط يتراجع"): the headline
     * again, not text. Only after a sentence's end or alone on a line, and only to the paragraph's end.
     */
    private static final Pattern LINK_TO_THE_ARTICLE =
            Pattern.compile("(?:^|(?<=" + SENTENCE_END + "))\\s*رابط (?:الخبر|المقال|الموضوع)[^.!?؟:]{0,40}:[^\\n]*$");

    private static final Pattern ENDS_SENTENCE = Pattern.compile(SENTENCE_END + "\\s*$");

    private DebrisCleaner() {}

    /**
     * A headline without breaking-news tags, invisible characters and runs of spaces, so the
     * stored title is the headline and not "عاجل".
     */
    public static String cleanTitle(String title) {
        String line = SPACES.matcher(INVISIBLE
                        .matcher(Normalizer.normalize(title, Normalizer.Form.NFC))
                        .replaceAll(""))
                .replaceAll(" ")
                .replaceAll("\\R", " ")
                .strip();
        String untagged = TAG_BEFORE_HEADLINE.matcher(line).replaceFirst("").strip();
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
        String author = SPACES.matcher(Normalizer.normalize(byline, Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
        List<String> paragraphs = new ArrayList<>(List.of(cleaned.split("\n\n")));
        paragraphs.removeIf(paragraph -> paragraph.equals(author)
                || TRAILING_PUNCTUATION.matcher(paragraph).replaceAll("").equals(author));
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

    /** The cleaned text: lines of a paragraph separated by a line break, paragraphs by one blank line. */
    public static String clean(String text) {
        String normalised = INVISIBLE
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFC))
                .replaceAll("");
        List<Line> kept = new ArrayList<>();
        int paragraph = 0;
        String previous = null;
        for (String rawLine : normalised.split("\\R", -1)) {
            String line = SPACES.matcher(rawLine).replaceAll(" ").strip();
            if (line.isEmpty()) {
                paragraph++;
                continue;
            }
            line = stripGluedDebris(line);
            if (line.isEmpty()
                    || isDebrisLine(line)
                    || (kept.size() < 2 && BYLINE_LINE.matcher(line).matches())) {
                continue;
            }
            if (line.equals(previous)) {
                dropRepeat(line, kept);
                continue;
            }
            kept.add(new Line(line, paragraph));
            previous = line;
        }
        return join(withoutRepeatedCaptions(kept));
    }

    /**
     * Captions a page shows twice apart (under the photo and again in a gallery at the end): a
     * short line without sentence punctuation that occurs more than once is not article text; a
     * longer line that occurs again is kept once.
     */
    private static List<Line> withoutRepeatedCaptions(List<Line> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (Line line : lines) {
            counts.merge(line.text(), 1, Integer::sum);
        }
        List<Line> kept = new ArrayList<>(lines.size());
        Set<String> seenRepeated = new HashSet<>();
        for (Line line : lines) {
            boolean repeated = counts.get(line.text()) > 1;
            boolean caption = line.text().length() <= MAX_CAPTION_LENGTH
                    && !ENDS_SENTENCE.matcher(line.text()).find();
            if (repeated && caption) {
                continue;
            }
            if (repeated && !seenRepeated.add(line.text())) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    /**
     * A short line shown twice in a row is an image caption: neither copy is article text, except
     * when it is the first line, the headline (some pages show it twice), of which one copy stays.
     * A long paragraph shown twice is kept once.
     */
    private static void dropRepeat(String line, List<Line> kept) {
        Line last = kept.get(kept.size() - 1);
        boolean stillHere = last.text().equals(line);
        if (stillHere && line.length() <= MAX_CAPTION_LENGTH && kept.size() > 1) {
            kept.remove(kept.size() - 1);
        }
    }

    private static String stripGluedDebris(String line) {
        String before;
        String after = line;
        do {
            before = after;
            after = FEEDBACK_AT_END.matcher(after).replaceFirst("");
            after = FEEDBACK_AT_START.matcher(after).replaceFirst("");
            after = BUTTON_AFTER_LAST_SENTENCE.matcher(after).replaceFirst("");
            after = TAG_BEFORE_HEADLINE.matcher(after).replaceFirst("");
            after = GLUED_READ_MORE.matcher(after).replaceFirst("");
            after = LINK_TO_THE_ARTICLE.matcher(after).replaceFirst("");
        } while (!after.equals(before));
        return after.strip();
    }

    static boolean isDebrisLine(String line) {
        String bare = TRAILING_PUNCTUATION.matcher(line).replaceAll("").toLowerCase(Locale.ROOT);
        return DEBRIS_LINES.contains(bare)
                || READ_MORE_WITH_HEADLINE.matcher(line).matches();
    }

    private static String join(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append(lines.get(i).paragraph() == lines.get(i - 1).paragraph() ? "\n" : "\n\n");
            }
            text.append(lines.get(i).text());
        }
        return text.toString();
    }

    private static String alternatives(List<String> phrases) {
        return phrases.stream()
                .sorted((a, b) -> b.length() - a.length()) // longest first: "share this article" before "share"
                .map(phrase -> Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
    }

    private record Line(String text, int paragraph) {}
}
