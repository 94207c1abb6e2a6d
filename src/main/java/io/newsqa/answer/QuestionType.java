package io.newsqa.answer;

import java.util.List;

/**
 * What kind of answer a question asks for, read from its question words, Arabic or English: a
 * cause, a manner, a time, a person or organisation, a quantity, a place, or anything else. The
 * extractive answerer prefers a sentence that holds such an answer ({@link AnswerTypeEvidence})
 * over one that only restates the question's words.
 *
 * <p>The cues are the languages' interrogatives and the nouns that turn "what" into one of these
 * ("what year", "ما عدد", "في أي مدينة"); the earliest cue in the question decides ("who was king
 * when …" asks for a person). Also read: whether the question asks for a list or a sequence
 * ("what are the three …", "ما مراحل …"), the one case an answer may run to a third sentence.
 */
enum QuestionType {
    CAUSE,
    MANNER,
    TIME,
    PERSON,
    QUANTITY,
    PLACE,
    OTHER;

    /** What a thing is measured in: "what is the capacity", "ما الطاقة", "ما عدد". */
    private static final String[] MEASURES_EN = {
        "number",
        "percentage",
        "percent",
        "proportion",
        "share",
        "amount",
        "cost",
        "price",
        "value",
        "capacity",
        "population",
        "size",
        "area",
        "length",
        "height",
        "depth",
        "width",
        "weight",
        "distance",
        "speed",
        "temperature",
        "age",
        "budget",
        "rate",
        "total",
        "sum",
        "fraction"
    };

    private static final String[] MEASURES_AR = {
        "عدد", "نسبه", "مقدار", "حجم", "قيمه", "مساحه", "طول", "عرض", "ارتفاع", "عمق", "وزن", "سعر", "تكلفه", "كلفه",
        "مبلغ", "طاقه", "الطاقه", "سعه", "مده", "عمر", "سرعه", "درجه", "حراره", "ميزانيه", "اجمالي", "مجموع", "العدد",
        "النسبه", "المبلغ", "القيمه", "التكلفه", "المساحه", "المده", "السعر"
    };
    private static final String[] TIMES_EN = {
        "year", "date", "time", "century", "decade", "day", "month", "period", "era", "season", "age"
    };
    private static final String[] TIMES_AR = {
        "عام", "سنه", "يوم", "شهر", "قرن", "تاريخ", "وقت", "عقد", "فتره", "موعد", "العام", "السنه", "اليوم", "الشهر",
        "القرن", "التاريخ", "الوقت", "العقد", "الفتره", "الموعد"
    };
    private static final String[] PLACES_EN = {
        "country",
        "city",
        "place",
        "region",
        "state",
        "province",
        "location",
        "town",
        "continent",
        "island",
        "area",
        "street",
        "county",
        "site",
        "venue",
        "stadium"
    };
    private static final String[] PLACES_AR = {
        "مدينه", "دوله", "بلد", "منطقه", "مكان", "ولايه", "مقاطعه", "جزيره", "قاره", "محافظه", "موقع", "حي", "شارع",
        "ملعب", "المكان", "الموقع", "المدينه", "الدوله", "البلد", "المنطقه"
    };
    private static final String[] AGENTS_EN = {
        "person",
        "man",
        "woman",
        "company",
        "organization",
        "organisation",
        "team",
        "group",
        "party",
        "agency",
        "body",
        "club",
        "official",
        "minister",
        "president",
        "king",
        "leader"
    };
    private static final String[] AGENTS_AR = {
        "شخص", "شركه", "منظمه", "فريق", "جهه", "حزب", "هيئه", "وزاره", "نادي", "الشخص", "الشركه", "المنظمه", "الفريق",
        "الجهه", "الحزب", "الهيئه", "الوزاره", "النادي"
    };

    private record Cue(QuestionType type, WordCues words) {}

    /**
     * In order of precedence at one position: "how many" before "how", "من أين" (from where)
     * before "من" (who).
     */
    private static final List<Cue> CUES = List.of(
            new Cue(
                    CAUSE,
                    WordCues.of(
                            "why",
                            "what caused",
                            "what led to",
                            "what prompted",
                            "for what reason",
                            "for what purpose",
                            "لماذا",
                            "لاي سبب",
                            "ما سبب",
                            "ما اسباب",
                            "ما السبب",
                            "ما الذي دفع",
                            "ما الهدف من",
                            "ما الغرض من",
                            "ما الداعي")),
            new Cue(
                    QUANTITY,
                    WordCues.of(with(
                            new String[] {
                                "how many",
                                "how much",
                                "how long",
                                "how old",
                                "how far",
                                "how big",
                                "how large",
                                "how often",
                                "how tall",
                                "how high",
                                "how deep",
                                "how fast",
                                "كم"
                            },
                            prefixed(
                                    new String[] {"what", "what is the", "what was the", "what are the", "what were the"
                                    },
                                    MEASURES_EN),
                            prefixed(new String[] {"ما", "ما هو", "ما هي", "ماهو", "ماهي", "وما"}, MEASURES_AR)))),
            new Cue(
                    PLACE,
                    WordCues.of(with(
                            new String[] {"where", "اين", "من اين", "الي اين"},
                            prefixed(new String[] {"what", "which", "in what", "in which"}, PLACES_EN),
                            prefixed(new String[] {"في اي", "في ايه", "اي", "ما", "ما هو", "ما هي"}, PLACES_AR)))),
            new Cue(
                    TIME,
                    WordCues.of(with(
                            new String[] {"when", "متي", "الي متي", "منذ متي", "since when", "until when"},
                            prefixed(
                                    new String[] {
                                        "what", "which", "in what", "in which", "on what", "at what", "during what"
                                    },
                                    TIMES_EN),
                            prefixed(
                                    new String[] {"في اي", "في ايه", "اي", "ما", "ما هو", "ما هي", "منذ اي"},
                                    TIMES_AR)))),
            new Cue(MANNER, WordCues.of("how", "in what way", "by what means", "كيف", "بايه طريقه", "باي طريقه")),
            new Cue(
                    PERSON,
                    WordCues.of(with(
                            new String[] {"who", "whom", "whose", "من", "ومن", "من هو", "من هي", "من هم"},
                            prefixed(new String[] {"what", "which"}, AGENTS_EN),
                            prefixed(new String[] {"اي", "ما", "ما هي"}, AGENTS_AR)))));

    /** A request for several items, or for a sequence of steps. */
    private static final WordCues LISTS = WordCues.of(
            "list",
            "steps",
            "stages",
            "phases",
            "sequence",
            "order of",
            "name two",
            "name three",
            "what are the two",
            "what are the three",
            "what are the four",
            "what are the five",
            "what were the two",
            "what were the three",
            "what were the four",
            "what were the five",
            "اذكر",
            "عدد",
            "مراحل",
            "خطوات",
            "ترتيب",
            "تسلسل",
            "قائمه",
            "ما هما");

    /** The type the question's earliest cue names; {@link #OTHER} without one. */
    static QuestionType of(String question) {
        List<WordCues.Word> words = WordCues.words(question);
        for (int i = 0; i < words.size(); i++) {
            for (Cue cue : CUES) {
                if (cue.words().startsAt(words, i)
                        && !(cue.type() == PERSON
                                && i > 0
                                && "من".equals(words.get(i).form()))) {
                    return cue.type();
                }
            }
        }
        return OTHER;
    }

    /**
     * Whether the question asks for a list or a sequence. The Arabic "عدد" counts only as the
     * imperative ("عدّد", list) at the start, not as "كم عدد" (how many).
     */
    static boolean asksForList(String question) {
        List<WordCues.Word> words = WordCues.words(question);
        for (int i = 0; i < words.size(); i++) {
            if (LISTS.startsAt(words, i) && !("عدد".equals(words.get(i).form()) && i > 0)) {
                return true;
            }
        }
        return false;
    }

    private static String[] prefixed(String[] heads, String[] nouns) {
        String[] phrases = new String[heads.length * nouns.length];
        int i = 0;
        for (String head : heads) {
            for (String noun : nouns) {
                phrases[i++] = head + " " + noun;
            }
        }
        return phrases;
    }

    private static String[] with(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
