package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the extractive answer says the archive does not say, and when it still answers. */
class AnswerSupportTest {

    private static final OffsetDateTime JULY_2015 = OffsetDateTime.parse("2015-07-22T08:00:00+03:00");

    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(
            null, new ExtractiveSettings(Map.of("ar", 0.46, "default", 0.5), Map.of("default", 0.0), 3, 700));

    private int retrieved;

    private Source passage(String id, String language, String title, String text) {
        retrieved++;
        return new Source(retrieved, id, title, null, JULY_2015, "Daily", language, 0, text);
    }

    @Test
    void refusesANearMissWhoseStoryLacksTheNumberAsked() {
        List<Source> arabic = List.of(
                passage(
                        "camel",
                        "ar",
                        "حادث ناقة سائبة في جازان",
                        "ألقت الشرطة القبض على صاحب الناقة السائبة بعد الحادث على طريق جازان. وأحيل صاحب الناقة إلى هيئة التحقيق."));
        List<Source> english = List.of(
                passage(
                        "camel-en",
                        "en",
                        "Stray camel crash in Jazan",
                        "Police arrested the owner of the stray camel after the crash on the Jazan road. The owner was referred to prosecutors."));

        assertThat(answerer.answer("كم بلغت غرامة صاحب الناقة السائبة؟", "ar", arabic)
                        .found())
                .as("the story covers the question's words but gives no amount")
                .isFalse();
        assertThat(answerer.answer("How much was the fine for the owner of the stray camel?", "en", english)
                        .found())
                .isFalse();
        assertThat(answerer.answer(
                                "When will the second ship reach the port of Aden?",
                                "en",
                                List.of(passage(
                                        "ship",
                                        "en",
                                        "Aid ship docks in Aden",
                                        "A second aid ship for the port of Aden is being loaded.")))
                        .found())
                .as("no date or time for a when question")
                .isFalse();
    }

    @Test
    void answersTheSameQuestionWhenTheStoryGivesTheNumber() {
        List<Source> arabic = List.of(
                passage(
                        "camel",
                        "ar",
                        "حادث ناقة سائبة في جازان",
                        "ألقت الشرطة القبض على صاحب الناقة السائبة بعد الحادث على طريق جازان. وبلغت غرامة صاحب الناقة 5000 ريال."));
        List<Source> english = List.of(
                passage(
                        "camel-en",
                        "en",
                        "Stray camel crash in Jazan",
                        "Police arrested the owner of the stray camel after the crash. The owner of the camel was fined 5,000 riyals."));

        assertThat(answerer.answer("كم بلغت غرامة صاحب الناقة السائبة؟", "ar", arabic)
                        .answer())
                .contains("5000 ريال");
        assertThat(answerer.answer("How much was the fine for the owner of the stray camel?", "en", english)
                        .answer())
                .contains("5,000 riyals");
    }

    @Test
    void aWhenQuestionIsAnsweredByTheEventItCameAfter() {
        List<Source> arabic =
                List.of(passage("museum", "ar", "المتحف الوطني", "أعيد افتتاح المتحف الوطني بعد ترميم سقفه القديم."));
        List<Source> english = List.of(passage(
                "museum-en",
                "en",
                "National museum",
                "The national museum reopened after the restoration of its roof."));

        assertThat(answerer.answer("متى أعيد افتتاح المتحف الوطني؟", "ar", arabic)
                        .answer())
                .contains("بعد ترميم سقفه");
        assertThat(answerer.answer("When did the national museum reopen?", "en", english)
                        .answer())
                .contains("after the restoration");
    }

    @Test
    void answersAQuantityOrATimeWrittenInWords() {
        List<Source> english = List.of(
                passage(
                        "storm-en",
                        "en",
                        "Storm at sea",
                        "Thirteen fishing boats sank in the storm off the coast. Rescue teams searched the coast in the winter."));
        List<Source> arabic = List.of(passage(
                "storm",
                "ar",
                "عاصفة في البحر",
                "غرقت ثلاث عشرة سفينة صيد في العاصفة قبالة الساحل. وبني الميناء القديم في الخمسينيات."));

        assertThat(answerer.answer("How many fishing boats sank in the storm?", "en", english)
                        .answer())
                .contains("Thirteen fishing boats");
        assertThat(answerer.answer("When did rescue teams search the coast?", "en", english)
                        .answer())
                .contains("in the winter");
        assertThat(answerer.answer("كم سفينة صيد غرقت في العاصفة؟", "ar", arabic)
                        .answer())
                .contains("ثلاث عشرة سفينة");
        assertThat(answerer.answer("متى بني الميناء القديم؟", "ar", arabic).answer())
                .contains("في الخمسينيات");
        assertThat(answerer.answer(
                                "How many fishing boats sank in the harbour?",
                                "en",
                                List.of(passage(
                                        "harbour-en",
                                        "en",
                                        "Storm at sea",
                                        "Fishing boats sank in the harbour during the storm.")))
                        .found())
                .as("no quantity, in figures or in words")
                .isFalse();
    }

    @Test
    void answersAQuestionWhoseAnswerIsTheFirstSentence() {
        List<Source> arabic = List.of(passage(
                "hospital",
                "ar",
                "افتتاح مستشفى في جازان",
                "أعلن وزير الصحة توفيق الربيعة اليوم افتتاح مستشفى جديد في جازان بسعة 200 سرير. "
                        + "ويخدم المستشفى سكان المحافظات الجنوبية. ويضم أقساما للطوارئ والولادة."));
        List<Source> english = List.of(passage(
                "hospital-en",
                "en",
                "New hospital opens in Jazan",
                "Health Minister Tawfiq al-Rabiah announced on Sunday the opening of a 200-bed hospital in Jazan. "
                        + "It will serve the southern governorates. It has emergency and maternity wards."));

        assertThat(answerer.answer("من أعلن افتتاح المستشفى الجديد في جازان؟", "ar", arabic)
                        .answer())
                .startsWith("أعلن وزير الصحة توفيق الربيعة");
        assertThat(answerer.answer("كم سريرا في مستشفى جازان الجديد؟", "ar", arabic)
                        .answer())
                .contains("200 سرير");
        assertThat(answerer.answer("Who announced the opening of the hospital in Jazan?", "en", english)
                        .answer())
                .startsWith("Health Minister Tawfiq al-Rabiah announced");
        assertThat(answerer.answer("How many beds does the new hospital in Jazan have?", "en", english)
                        .answer())
                .contains("200-bed");
    }

    @Test
    void refusesAnEventOf2022OverAnArchiveOf2015() {
        List<Source> arabic = List.of(passage(
                "cup",
                "ar",
                "ألمانيا بطلة كأس العالم",
                "فازت ألمانيا بكأس العالم لكرة القدم بعد فوزها على الأرجنتين في المباراة النهائية."));
        List<Source> english = List.of(passage(
                "cup-en",
                "en",
                "Germany world champions",
                "Germany won the football World Cup, beating Argentina in the final."));

        assertThat(answerer.answer("من فاز بكأس العالم لكرة القدم 2022؟", "ar", arabic)
                        .found())
                .isFalse();
        assertThat(answerer.answer("Who won the football World Cup in 2022?", "en", english)
                        .found())
                .isFalse();
        assertThat(answerer.answer("من فاز بكأس العالم لكرة القدم؟", "ar", arabic)
                        .found())
                .as("without the year the same story answers")
                .isTrue();
        assertThat(answerer.answer("Who won the football World Cup in 2015?", "en", english)
                        .found())
                .as("the year of publication counts as held")
                .isTrue();
    }
}
