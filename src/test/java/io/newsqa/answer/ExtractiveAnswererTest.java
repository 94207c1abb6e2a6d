package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.Article;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(
            null, new ExtractiveSettings(Map.of("default", 0.5), Map.of("default", 0.0), 3, 700));

    private static final Article TRAM = new Article(
            "tram",
            "https://example.org/tram",
            "New tram line",
            "City Desk",
            OffsetDateTime.parse("2025-05-01T09:00:00+02:00"),
            "en",
            "h1",
            "body");
    private static final Article FAIR = new Article("fair", null, "Book fair", null, null, "en", "h2", "body");

    private int retrieved;

    /** The next retrieved source, numbered in retrieval order like the retrieval chain does. */
    private Source passage(Article article, int ordinal, String text) {
        retrieved++;
        return new Source(
                retrieved,
                article.id(),
                article.title(),
                article.url(),
                article.publishedAt(),
                article.source(),
                article.language(),
                ordinal,
                text);
    }

    @Test
    void quotesTheSentencesThatCoverTheQuestionAndCitesTheirSource() {
        List<Source> passages = List.of(
                passage(TRAM, 0, "The council met on Monday. The new tram line opens on 3 June with twelve stops."),
                passage(FAIR, 0, "The book fair opens in October."));

        Answer answer = answerer.answer("When does the tram line open?", "en", passages);

        assertThat(answer.found()).isTrue();
        assertThat(answer.answer()).isEqualTo("The new tram line opens on 3 June with twelve stops. [1]");
        assertThat(answer.citations())
                .containsExactly(new Citation(
                        1, "tram", "New tram line", "https://example.org/tram", TRAM.publishedAt(), "City Desk"));
        assertThat(answer.mode()).isEqualTo("extractive");
    }

    @Test
    void quotesOnePassageOnlyItsBestRun() {
        List<Source> passages = List.of(
                passage(FAIR, 0, "Tickets for the fair are sold at the gate."),
                passage(TRAM, 1, "Tram tickets are sold at every stop."),
                passage(TRAM, 0, "Tram tickets are also sold online."));

        Answer answer = answerer.answer("Where are tram tickets sold?", "en", passages);

        assertThat(answer.citations()).extracting(Citation::articleId).containsExactly("tram");
        assertThat(answer.answer()).isEqualTo("Tram tickets are sold at every stop. [1]");
    }

    @Test
    void prefersTheSentenceThatSaysWhyOverTheOneThatRestatesTheEvent() {
        Article seed = new Article("seed", null, "بوتين يجري اتصالا هاتفيا مع نتنياهو", null, null, "ar", "h7", "body");
        List<Source> passages = List.of(
                passage(
                        seed,
                        0,
                        "وأجرى بوتين اتصالا هاتفيا مع نتنياهو هذا الشهر.\n"
                                + "وتناول الاتصال الأخير الملف النووي الإيراني.\n"
                                + "ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد، حيث سبق أن ناقشا في 28 يوليو تطورات الوضع في سوريا."));

        Answer answer = answerer.answer("لماذا اتصل بوتين بنتنياهو مرتين؟", "ar", passages);

        assertThat(answer.answer()).contains("حيث سبق أن ناقشا في 28 يوليو");
    }

    @Test
    void runsToASecondSentenceOnlyWhenItAddsWhatTheQuestionAsks() {
        List<Source> passages = List.of(passage(
                TRAM,
                0,
                "The council met on Monday. The mayor praised the new tram line. "
                        + "It opens on 3 June with twelve stops. The budget was approved."));

        Answer when = answerer.answer("When does the new tram line open?", "en", passages);
        Answer praised = answerer.answer("Who praised the new tram line?", "en", passages);

        assertThat(when.answer())
                .as("the line in one sentence, its date in the next")
                .isEqualTo("The mayor praised the new tram line. [1] It opens on 3 June with twelve stops. [1]");
        assertThat(praised.answer()).isEqualTo("The mayor praised the new tram line. [1]");
    }

    @Test
    void aListQuestionMayRunToAThirdSentence() {
        List<Source> passages = List.of(passage(
                TRAM,
                0,
                "The tram line has three stages. The first stage links the station. "
                        + "The second stage reaches the university. The third stage ends at the port."));

        Answer list = answerer.answer("What are the three stages of the tram line?", "en", passages);

        assertThat(list.answer().split("\\[1]")).hasSize(3);
    }

    @Test
    void refusesWhenNoPassageHoldsTheYearAsked() {
        Article cup = new Article(
                "cup", null, "World Cup final", null, OffsetDateTime.parse("2015-07-20T10:00:00Z"), "en", "h8", "body");
        List<Source> passages =
                List.of(passage(cup, 0, "Germany won the World Cup in 2014, beating Argentina in the final."));
        Article arabic = new Article(
                "cup-ar",
                null,
                "نهائي كأس العالم",
                null,
                OffsetDateTime.parse("2015-07-20T10:00:00Z"),
                "ar",
                "h9",
                "body");
        List<Source> arabicPassages = List.of(
                passage(arabic, 0, "فازت ألمانيا بكأس العالم 2014 بعد فوزها على الأرجنتين في المباراة النهائية."));

        assertThat(answerer.answer("Who won the World Cup in 2022?", "en", passages)
                        .found())
                .isFalse();
        assertThat(answerer.answer("Who won the World Cup in 2014?", "en", passages)
                        .found())
                .isTrue();
        assertThat(answerer.answer("Who won the World Cup final in 2015?", "en", passages)
                        .found())
                .as("the year it was published counts as held")
                .isTrue();
        assertThat(answerer.answer("من فاز بكأس العالم 2022؟", "ar", arabicPassages)
                        .found())
                .isFalse();
        assertThat(answerer.answer("من فاز بكأس العالم ٢٠١٤؟", "ar", arabicPassages)
                        .found())
                .isTrue();
    }

    @Test
    void neverQuotesAnIsnadChainOrAByline() {
        Article column = new Article("column", null, "مقال رأي", null, null, "ar", "h10", "body");
        List<Source> passages = List.of(passage(
                column,
                0,
                "بقلم: عبدالله الناصر\n"
                        + "حدثنا أبو بكر بن أبي شيبة، قال: حدثنا وكيع عن سفيان عن الاعتكاف في المسجد.\n"
                        + "وازدحمت المساجد بالمعتكفين في العشر الأواخر من رمضان."));

        Answer answer = answerer.answer("ماذا عن الاعتكاف في المسجد؟", "ar", passages);

        assertThat(answer.answer()).doesNotContain("حدثنا").doesNotContain("بقلم");
    }

    @Test
    void carriedTermsPreferTheConversationsTopicButNeverMakeASentenceQuotable() {
        List<Source> passages = List.of(
                passage(FAIR, 0, "Tickets for the fair cost five riyals."),
                passage(TRAM, 0, "The new tram line opens on 3 June. A ticket costs two riyals."));

        Answer followUp = answerer.answer("How much is a ticket?", "tram line open", "en", passages);
        Answer alone = answerer.answer("How much is a ticket?", "en", passages);
        Answer nothingOwn = answerer.answer("How much is a parking space?", "tram line open", "en", passages);

        assertThat(followUp.answer()).as("only the topic's ticket").isEqualTo("A ticket costs two riyals. [1]");
        assertThat(followUp.citations()).extracting(Citation::articleId).containsExactly("tram");
        // Alone, the first passage's ticket wins (and the tram one repeats it too closely to follow).
        assertThat(alone.answer()).isEqualTo("Tickets for the fair cost five riyals. [1]");
        assertThat(nothingOwn.found())
                .as("the carried terms alone answer nothing")
                .isFalse();
    }

    @Test
    void saysTheArchiveDoesNotSayWhenNoSentenceCoversEnough() {
        List<Source> passages = List.of(passage(TRAM, 0, "The new tram line opens on 3 June."));

        Answer english = answerer.answer("Who won the chess championship in Reykjavik?", "en", passages);
        Answer arabic = answerer.answer("من فاز ببطولة الشطرنج؟", "ar", passages);

        assertThat(english.found()).isFalse();
        assertThat(english.citations()).isEmpty();
        assertThat(english.answer()).isEqualTo("The archive does not say.");
        assertThat(arabic.answer()).contains("لا يذكر الأرشيف");
        assertThat(answerer.answer("the of and", "en", passages).found()).isFalse();
        assertThat(answerer.answer("tram", "en", List.of()).found()).isFalse();
    }

    @Test
    void quotesARepeatedSentenceOnceAndSkipsNearCopies() {
        List<Source> passages = List.of(
                passage(TRAM, 0, "The tram line opens on 3 June."),
                passage(TRAM, 1, "The tram line opens on 3 June. The tram line will open on 3 June, officials said."));

        Answer answer = answerer.answer("When does the tram line open?", "en", passages);

        assertThat(answer.answer()).isEqualTo("The tram line opens on 3 June. [1]");
    }

    @Test
    void matchesArabicAcrossProcliticsAndNormalisation() {
        Article seed = new Article("seed", null, "بوتين يجري اتصالا هاتفيا مع نتنياهو", null, null, "ar", "h3", "body");
        List<Source> passages = List.of(
                passage(
                        seed,
                        0,
                        "أعلن الكرملين أن بوتين أجرى اتصالًا هاتفيًا مع نتنياهو. ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد."));

        Answer answer = answerer.answer("لماذا اتصل بوتين بنتنياهو مرتين؟", "ar", passages);

        assertThat(answer.found()).isTrue();
        assertThat(answer.answer()).contains("ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد. [1]");
        assertThat(answer.citations()).extracting(Citation::articleId).containsExactly("seed");
    }

    @Test
    void doesNotQuoteASubHeadingThatRepeatsTheQuestionsWords() {
        Article seed = new Article("seed", null, "بوتين يجري اتصالا هاتفيا مع نتنياهو", null, null, "ar", "h6", "body");
        // As the chunker stores it: the heading without end punctuation keeps its line.
        List<Source> passages = List.of(passage(
                seed,
                0,
                "ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد.\n"
                        + "ما دلالات الإتصال الهاتفي بين بوتين ونتنياهو\n"
                        + "تشير تحركات الكرملين الأخيرة إلى محاولات لإعادة تموضعه على الساحة السياسية."));

        Answer answer = answerer.answer("ما دلالات الاتصال بين بوتين ونتنياهو؟", "ar", passages);

        assertThat(answer.found()).isTrue();
        assertThat(answer.answer()).contains("ويعد هذا الاتصال الثاني").doesNotContain("ما دلالات");
    }

    /** The FreeDict dictionaries as scripts/test.sh installs them. */
    private static ExtractiveAnswerer withDictionaries() {
        return withDictionaries(Map.of("default", 0.5));
    }

    private static ExtractiveAnswerer withDictionaries(Map<String, Double> minScore) {
        List<io.newsqa.translate.DictionaryQueryTranslator> translators =
                io.newsqa.translate.DictionaryTranslators.load(
                        java.nio.file.Path.of("/usr/share/dictd"),
                        java.nio.file.Path.of("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"),
                        4);
        assertThat(translators)
                .as("FreeDict eng-ara and ara-eng installed (scripts/provision-dictionaries.sh)")
                .hasSize(2);
        return new ExtractiveAnswerer(
                null,
                new ExtractiveSettings(minScore, Map.of("default", 0.0), 3, 700),
                new io.newsqa.translate.QuestionTranslation(translators));
    }

    private static final Article SEED =
            new Article("seed", null, "بوتين يجري اتصالا هاتفيا مع نتنياهو", null, null, "ar", "h4", "body");
    private static final Article SEED_EN =
            new Article("seed-en", null, "Putin calls Netanyahu", null, null, "en", "h5", "body");

    @Test
    void quotesSentencesOfAnotherLanguageThroughTheDictionaries() {
        ExtractiveAnswerer answerer = withDictionaries();
        List<Source> passages =
                List.of(passage(SEED, 0, "ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد."));

        Answer answer = answerer.answer("Why did Putin call Netanyahu?", "en", passages);

        assertThat(answer.found()).isTrue();
        assertThat(answer.answer())
                .startsWith("An Arabic report says: «ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد.» [1]");
        assertThat(this.answerer
                        .answer("Why did Putin call Netanyahu?", "en", passages)
                        .found())
                .as("without the dictionaries an Arabic sentence cannot answer an English question")
                .isFalse();
    }

    @Test
    void aSentenceOfAnotherLanguageNeedsTheThresholdForTranslatedSentences() {
        // One of the question's three translated words (Putin, call, Netanyahu): coverage 1/3 plus the first passage's
        // bonus.
        List<Source> passages = List.of(passage(SEED, 0, "وصل بوتين إلى موسكو مساء أمس."));

        assertThat(withDictionaries(Map.of("default", 0.5, "translated", 0.35))
                        .answer("Why did Putin call Netanyahu?", "en", passages)
                        .found())
                .isTrue();
        assertThat(withDictionaries(Map.of("default", 0.35, "translated", 0.5))
                        .answer("Why did Putin call Netanyahu?", "en", passages)
                        .found())
                .isFalse();
        assertThat(withDictionaries(Map.of("default", 0.5))
                        .answer("Why did Putin call Netanyahu?", "en", passages)
                        .found())
                .as("without a threshold of its own, the default one")
                .isFalse();
    }

    @Test
    void prefersSentencesInTheReadersLanguage() {
        ExtractiveAnswerer answerer = withDictionaries();
        List<Source> passages = List.of(
                passage(SEED, 0, "ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد."),
                passage(SEED_EN, 0, "Putin called Netanyahu for the second time in a week."));

        Answer answer = answerer.answer("Why did Putin call Netanyahu?", "en", passages);

        assertThat(answer.citations()).extracting(Citation::articleId).containsExactly("seed-en");
    }

    @Test
    void quotesASentenceThatRefersBackWithTheSentenceItRefersTo() {
        Article record = new Article("record", null, "Records", null, null, "en", "h8", "body");
        List<Source> passages = List.of(passage(
                record,
                0,
                "Peyton Manning became the first quarterback to lead two teams to "
                        + "Super Bowl titles. He is also the oldest quarterback ever to play in a Super Bowl, at age 39. "
                        + "The past record was held by John Elway, who won at age 38."));

        Answer answer = answerer.answer("Who is the oldest quarterback to play in a Super Bowl?", "en", passages);

        assertThat(answer.answer())
                .as("\"He\" is the person asked for: quoted with the sentence naming him")
                .isEqualTo("Peyton Manning became the first quarterback to lead two teams to Super Bowl titles. [1] "
                        + "He is also the oldest quarterback ever to play in a Super Bowl, at age 39. [1]");
    }

    @Test
    void quotesAnArabicSentenceThatRefersBackWithTheSentenceItRefersTo() {
        Article record = new Article("record-ar", null, "أرقام قياسية", null, null, "ar", "h9", "body");
        List<Source> passages = List.of(passage(
                record,
                0,
                "أصبح بايتون مانينغ أول ظهير رباعي يقود فريقين إلى ألقاب السوبر بول. "
                        + "وهو كذلك الظهير الرباعي الأكبر سنا الذي يلعب في مباراة سوبر بول، في سن 39. "
                        + "وكان الرقم القياسي السابق بحوزة المدرب جون إلواي الذي فاز في سن 38."));

        Answer answer = answerer.answer("من هو الظهير الرباعي الأكبر سنا الذي لعب في مباراة سوبر بول؟", "ar", passages);

        assertThat(answer.answer())
                .as("\"وهو\" (and he) refers to the sentence that names him")
                .startsWith("أصبح بايتون مانينغ أول ظهير رباعي")
                .contains("وهو كذلك الظهير الرباعي الأكبر سنا")
                .doesNotContain("إلواي");
    }

    @Test
    void prefersTheSentenceThatHoldsTheQuestionsWordsTogether() {
        Article library = new Article("library", null, "Library", null, null, "en", "h10", "body");
        List<Source> passages = List.of(
                passage(
                        library,
                        0,
                        "The library was new to many visitors who came from the villages, "
                                + "and the festival was opened by Governor Sami. Minister Ali opened the new library on Sunday."));

        Answer answer = answerer.answer("Who opened the new library?", "en", passages);

        assertThat(answer.answer()).isEqualTo("Minister Ali opened the new library on Sunday. [1]");
    }

    @Test
    void prefersTheArabicSentenceThatHoldsTheQuestionsWordsTogether() {
        Article library = new Article("library-ar", null, "المكتبة", null, null, "ar", "h11", "body");
        List<Source> passages = List.of(passage(
                library,
                0,
                "كانت المكتبة جديدة على كثير من الزوار القادمين من القرى البعيدة، "
                        + "وافتتح المحافظ سامي المهرجان. افتتح الوزير المكتبة الجديدة يوم الأحد."));

        Answer answer = answerer.answer("من افتتح المكتبة الجديدة؟", "ar", passages);

        assertThat(answer.answer()).isEqualTo("افتتح الوزير المكتبة الجديدة يوم الأحد. [1]");
    }
}
