package io.newsqa.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence holds the kind of answer a question asks for ({@link QuestionType}): a cause
 * or purpose clause for "why", a date or time for "when", a number for "how many", a person or
 * organisation for "who", a place for "where". Evidence must be new to the question: a year, a
 * number or a name the question already states does not answer it, so a sentence that only
 * restates the question holds none.
 *
 * <p>Cues are general to each language's grammar (connectives of cause, dates and times ({@link TimeExpressions}),
 * number words ({@link NumberWords}), titles, place nouns); English names are also told by their capital letter, which
 * Arabic script does not have.
 */
final class AnswerTypeEvidence {

    private static final WordCues CAUSES = WordCues.of(
            "because",
            "due to",
            "owing to",
            "thanks to",
            "after",
            "amid",
            "in order to",
            "so that",
            "so as to",
            "since",
            "as a result",
            "result of",
            "resulted",
            "led to",
            "lead to",
            "leads to",
            "caused",
            "causes",
            "reason",
            "reasons",
            "aimed",
            "aims",
            "to avoid",
            "to prevent",
            "to ensure",
            "to help",
            "to allow",
            "purpose",
            "لان",
            "بسبب",
            "اذ",
            "حيث",
            "بهدف",
            "في ضوء",
            "اثر",
            "على خلفيه",
            "نتيجه",
            "جراء",
            "بفضل",
            "لكي",
            "كي",
            "من اجل",
            "بغيه",
            "سعيا",
            "نظرا",
            "بعد ان",
            "عقب",
            "ادي",
            "يهدف",
            "تهدف",
            "الهدف",
            "السبب",
            "لاسباب",
            "تسبب",
            "في ظل",
            "بداعي",
            "بحجه");
    /** ", as" and a sentence opening with "As": the conjunction, not "as well as" or "such as". */
    private static final Pattern AS_CONJUNCTION =
            Pattern.compile("(^|,\\s*)[Aa]s\\s+(?!well|such|of|a\\b|an\\b|the\\b|many|much|long|far|soon)");

    private static final WordCues MEANS = WordCues.of(
            "by",
            "through",
            "using",
            "via",
            "by means of",
            "with the help of",
            "method",
            "technique",
            "process",
            "عن طريق",
            "من خلال",
            "بواسطه",
            "باستخدام",
            "عبر",
            "بطريقه",
            "طريقه",
            "اسلوب",
            "بالاعتماد على");
    private static final WordCues AGENTS = WordCues.of(
            "president",
            "minister",
            "king",
            "queen",
            "prince",
            "emperor",
            "pope",
            "governor",
            "mayor",
            "director",
            "chairman",
            "leader",
            "founder",
            "company",
            "university",
            "council",
            "committee",
            "government",
            "ministry",
            "agency",
            "organization",
            "organisation",
            "party",
            "team",
            "club",
            "army",
            "court",
            "الرئيس",
            "رئيس",
            "رئيسه",
            "الملك",
            "الملكه",
            "الامير",
            "الاميره",
            "الشيخ",
            "الوزير",
            "وزير",
            "وزيره",
            "المتحدث",
            "السيد",
            "السيده",
            "الدكتور",
            "المهندس",
            "اللواء",
            "العميد",
            "المدير",
            "مدير",
            "مديره",
            "الامين",
            "الكاتب",
            "المؤلف",
            "اللاعب",
            "المدرب",
            "الممثل",
            "الفنان",
            "الامام",
            "البابا",
            "السلطان",
            "الخليفه",
            "مؤسس",
            "وزاره",
            "هيئه",
            "شركه",
            "جامعه",
            "منظمه",
            "مجلس",
            "حزب",
            "جمعيه",
            "مؤسسه",
            "اتحاد",
            "نادي",
            "وكاله",
            "لجنه",
            "محكمه",
            "حكومه",
            "الحكومه",
            "بلديه",
            "البلديه",
            "الجيش",
            "قوات",
            "ابن",
            "بن",
            "ابو",
            "قال",
            "اعلن",
            "اكد",
            "صرح",
            "اوضح",
            "اشار",
            "ذكر",
            "قالت",
            "اعلنت",
            "اكدت",
            "اوضحت");
    private static final WordCues PLACES = WordCues.of(
            "city",
            "town",
            "village",
            "country",
            "region",
            "province",
            "state",
            "island",
            "river",
            "mountain",
            "coast",
            "north",
            "south",
            "east",
            "west",
            "northern",
            "southern",
            "eastern",
            "western",
            "capital",
            "located",
            "near",
            "border",
            "district",
            "street",
            "continent",
            "مدينه",
            "بلده",
            "قريه",
            "منطقه",
            "محافظه",
            "ولايه",
            "دوله",
            "بلد",
            "اقليم",
            "جزيره",
            "نهر",
            "بحر",
            "جبل",
            "ساحل",
            "شمال",
            "جنوب",
            "شرق",
            "غرب",
            "وسط",
            "عاصمه",
            "العاصمه",
            "قرب",
            "بالقرب",
            "يقع",
            "تقع",
            "حي",
            "شارع",
            "مقاطعه",
            "الخليج",
            "المحيط",
            "حدود",
            "مطار",
            "ميناء",
            "قاره");
    /** Words before a place name: "in Paris", "near the Rhine". */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of(
            "in", "at", "near", "from", "to", "into", "across", "outside", "inside", "throughout", "towards", "toward");

    private AnswerTypeEvidence() {}

    /**
     * Whether {@code sentence} holds an answer of {@code type} that {@code question} does not state
     * already. {@link QuestionType#OTHER} needs no evidence: every sentence holds it.
     */
    static boolean holds(QuestionType type, String sentence, String question) {
        if (type == QuestionType.OTHER) {
            return true;
        }
        List<WordCues.Word> words = WordCues.words(sentence);
        Set<String> asked = new HashSet<>();
        for (WordCues.Word word : WordCues.words(question)) {
            asked.add(word.form());
        }
        return switch (type) {
            case CAUSE ->
                CAUSES.firstIndexIn(words) >= 0
                        || AS_CONJUNCTION.matcher(sentence).find();
            case MANNER -> MEANS.firstIndexIn(words) >= 0 || CAUSES.firstIndexIn(words) >= 0;
            case TIME -> TimeExpressions.anyNew(sentence, words, asked);
            case QUANTITY ->
                words.stream().anyMatch(w -> w.number() && !asked.contains(w.form())) || anyNewQuantity(words, asked);
            case PERSON -> anyNew(words, asked, AGENTS) || newName(words, asked, false);
            case PLACE -> anyNew(words, asked, PLACES) || newName(words, asked, true);
            case OTHER -> true;
        };
    }

    /** A cue word the question does not have itself. */
    private static boolean anyNew(List<WordCues.Word> words, Set<String> asked, WordCues cues) {
        for (int i = 0; i < words.size(); i++) {
            if (cues.startsAt(words, i) && !asked.contains(words.get(i).form())) {
                return true;
            }
        }
        return false;
    }

    /** A number written in words ({@link NumberWords}) that the question does not have itself. */
    private static boolean anyNewQuantity(List<WordCues.Word> words, Set<String> asked) {
        for (int i = 0; i < words.size(); i++) {
            if (!asked.contains(words.get(i).form()) && NumberWords.startsAt(words, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A capitalised word that is not the sentence's first and not in the question: a name in
     * English text. With {@code afterPreposition}, only after a preposition of place ("in Paris").
     */
    private static boolean newName(List<WordCues.Word> words, Set<String> asked, boolean afterPreposition) {
        for (int i = 1; i < words.size(); i++) {
            WordCues.Word word = words.get(i);
            if (word.capitalised()
                    && !asked.contains(word.form())
                    && !TimeExpressions.startsAt(words, i)
                    && (!afterPreposition
                            || PLACE_PREPOSITIONS.contains(words.get(i - 1).form())
                            || i > 1
                                    && PLACE_PREPOSITIONS.contains(
                                            words.get(i - 2).form())
                                    && "the".equals(words.get(i - 1).form()))) {
                return true;
            }
        }
        return false;
    }
}
