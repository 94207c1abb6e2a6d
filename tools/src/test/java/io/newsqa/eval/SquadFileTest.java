package io.newsqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquadFileTest {

    @TempDir
    Path dir;

    static final String EN = """
            {"version": "1.1", "data": [
              {"title": "Tram", "paragraphs": [
                {"context": "The new tram line opens in June with twelve stations.",
                 "qas": [{"id": "q1", "question": "When does the tram line open?", "answers": [{"text": "June", "answer_start": 29}]}]},
                {"context": "The museum reopened after a long restoration of its roof.",
                 "qas": [{"id": "q2", "question": "What was restored at the museum?", "answers": []}]}]}]}
            """;
    static final String AR = """
            {"version": "1.1", "data": [
              {"title": "Tram", "paragraphs": [
                {"context": "يفتتح خط الترام الجديد في يونيو ويضم اثنتي عشرة محطة.",
                 "qas": [{"id": "q1", "question": "متى يفتتح خط الترام؟", "answers": []}]},
                {"context": "أعيد افتتاح المتحف بعد ترميم طويل لسقفه.",
                 "qas": [{"id": "q2", "question": "ما الذي رمم في المتحف؟", "answers": []}]}]}]}
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsParagraphsAndQuestionsButNotTitles() throws IOException {
        SquadFile file = SquadFile.read(write(dir, "small.en.json", EN));

        assertThat(file.name()).isEqualTo("small.en");
        assertThat(file.language()).isEqualTo("en");
        assertThat(file.paragraphs())
                .extracting(SquadFile.Paragraph::text)
                .containsExactly(
                        "The new tram line opens in June with twelve stations.",
                        "The museum reopened after a long restoration of its roof.");
        assertThat(file.paragraphs()).extracting(SquadFile.Paragraph::title).containsOnly("Tram");
        assertThat(file.questions()).extracting(SquadFile.Question::paragraph).containsExactly(0, 1);
    }

    @Test
    void anArticlesDateDatesItsParagraphsAtNoonUtcAndABadDateIsNamed() throws IOException {
        SquadFile dated = SquadFile.read(write(
                dir,
                "dated.en.json",
                EN.replace("\"title\": \"Tram\",", "\"title\": \"Tram\", \"date\": \"2015-07-24\",")));
        SquadFile undated = SquadFile.read(write(dir, "small.en.json", EN));

        assertThat(dated.paragraphs())
                .extracting(SquadFile.Paragraph::date)
                .containsOnly(java.time.LocalDate.of(2015, 7, 24));
        assertThat(CorpusStore.fileDate(dated, 1)).isEqualTo(java.time.OffsetDateTime.parse("2015-07-24T12:00Z"));
        assertThat(CorpusStore.fileDate(undated, 1)).isNull();
        assertThatThrownBy(() -> SquadFile.read(write(
                        dir,
                        "bad.en.json",
                        EN.replace("\"title\": \"Tram\",", "\"title\": \"Tram\", \"date\": \"24/07/2015\","))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'24/07/2015' is not yyyy-mm-dd");
    }

    @Test
    void translationsWithTheSameQuestionIdsGiveBothCrossLingualSets() throws IOException {
        SquadFile en = SquadFile.read(write(dir, "small.en.json", EN));
        SquadFile ar = SquadFile.read(write(dir, "small.ar.json", AR));

        List<QuestionSet> sets = QuestionSet.of(List.of(ar, en));

        assertThat(sets).extracting(QuestionSet::name).containsExactly("ar→ar", "en→en", "ar→en", "en→ar");
        QuestionSet enToAr = sets.get(3);
        assertThat(enToAr.corpus()).isSameAs(ar);
        assertThat(enToAr.language()).isEqualTo("en");
        assertThat(enToAr.questions().get(0).text()).isEqualTo("When does the tram line open?");
        QuestionSet arToEn = sets.get(2);
        assertThat(arToEn.questions().get(0).answers())
                .as("the gold is quoted from the searched paragraphs")
                .containsExactly("June");
    }

    /** SQuAD v2.0 with a reference date, empty paragraphs, and Arabic and English questions about Arabic articles. */
    static final String V2 = """
            {"version": "v2.0", "data": [
              {"title": "الميناء", "paragraphs": [
                {"context": "افتتحت هيئة الموانئ محطة حاويات جديدة في الدمام يوم الأحد.",
                 "qas": [{"id": "a1", "question": "أين افتتحت محطة الحاويات الجديدة؟", "is_impossible": false,
                          "answers": [{"text": "في الدمام", "answer_start": 38}]},
                         {"id": "a2", "question": "من صمم Dammam Container Terminal؟", "is_impossible": true, "answers": [],
                          "plausible_answers": [{"text": "هيئة الموانئ", "answer_start": 6}]},
                         {"id": "e1", "question": "What did the port authority open yesterday?", "reference_date": "2015-07-20",
                          "answers": [{"text": "محطة حاويات جديدة", "answer_start": 19}]}]},
                {"context": "  \u200f ", "qas": [{"id": "a3", "question": "ما هذا؟", "answers": []}]}]},
              {"title": "المكتبة", "paragraphs": [
                {"context": "أعارت مكتبة المدينة تسعين ألف كتاب العام الماضي.",
                 "qas": [{"id": "a4", "question": "كم كتابا أعارت مكتبة المدينة؟", "answers": [{"text": "تسعين ألف كتاب", "answer_start": 20}]}]},
                {"context": "", "qas": []}]},
              {"title": "الطقس", "paragraphs": [
                {"context": "أغلقت الأمطار الغزيرة المدارس في جدة يوم الأربعاء.",
                 "qas": [{"id": "a5", "question": "لماذا أغلقت المدارس في جدة؟", "answers": [{"text": "الأمطار الغزيرة", "answer_start": 6}]}]}]}]}
            """;

    @Test
    void readsSquadV2UnanswerableQuestionsReferenceDatesAndSkipsEmptyParagraphs() throws IOException {
        SquadFile file = SquadFile.read(write(dir, "news.json", V2));

        assertThat(file.language()).isEqualTo("ar");
        assertThat(file.articles()).isEqualTo(3);
        assertThat(file.paragraphs()).hasSize(3);
        assertThat(file.emptyParagraphs()).isEqualTo(2);
        assertThat(file.questionsOfEmpty()).isEqualTo(1);
        assertThat(file.questions()).extracting(SquadFile.Question::id).containsExactly("a1", "a2", "e1", "a4", "a5");
        SquadFile.Question unanswerable = file.questions().get(1);
        assertThat(unanswerable.impossible()).isTrue();
        assertThat(unanswerable.answers()).as("plausible answers are not gold").isEmpty();
        assertThat(file.questions().get(2).referenceDate()).isEqualTo(java.time.LocalDate.of(2015, 7, 20));
        assertThat(file.questions().get(3).paragraph()).isEqualTo(1);

        List<QuestionSet> sets = QuestionSet.of(List.of(file));
        assertThat(sets).extracting(QuestionSet::name).containsExactly("ar→ar", "en→ar");
        assertThat(sets.get(1).questions())
                .as("a2 is Arabic, however many Latin letters")
                .extracting(SquadFile.Question::id)
                .containsExactly("e1");
        assertThat(sets.get(0).answerable()).extracting(SquadFile.Question::id).containsExactly("a1", "a4", "a5");
    }

    @Test
    void splitsByArticleInFileOrderTheMiddleOneGoingToDev() throws IOException {
        SquadFile file = SquadFile.read(write(dir, "news.json", V2));

        SquadFile dev = file.split(Split.DEV);
        SquadFile test = file.split(Split.TEST);

        assertThat(dev.paragraphs()).extracting(SquadFile.Paragraph::article).containsExactly(0, 1);
        assertThat(dev.questions()).extracting(SquadFile.Question::id).containsExactly("a1", "a2", "e1", "a4");
        assertThat(test.paragraphs())
                .extracting(SquadFile.Paragraph::text)
                .containsExactly("أغلقت الأمطار الغزيرة المدارس في جدة يوم الأربعاء.");
        assertThat(test.questions()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("a5");
            assertThat(q.paragraph())
                    .as("re-indexed into the split's paragraphs")
                    .isZero();
        });
        assertThat(file.split(Split.ALL)).isSameAs(file);
        SquadFile oneArticle = SquadFile.read(write(dir, "one.json", EN));
        assertThatThrownBy(() -> oneArticle.split(Split.TEST))
                .hasMessageContaining("no questions in its test split")
                .hasMessageContaining("--split all");
        assertThatThrownBy(() -> Split.parse("train")).hasMessageContaining("dev, test or all");
    }

    @Test
    void badFilesAreRefusedWithTheFileNameAndTheReason() throws IOException {
        assertThatThrownBy(() -> SquadFile.read(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json")
                .hasMessageContaining("no such file");
        Path notJson = write(dir, "broken.json", "{\"data\": [");
        assertThatThrownBy(() -> SquadFile.read(notJson))
                .hasMessageContaining("broken.json")
                .hasMessageContaining("JSON");
        Path noData = write(dir, "nodata.json", "{\"version\": \"1.1\"}");
        assertThatThrownBy(() -> SquadFile.read(noData)).hasMessageContaining("no \"data\" array");
        Path duplicate = write(dir, "dup.json", EN.replace("\"q2\"", "\"q1\""));
        assertThatThrownBy(() -> SquadFile.read(duplicate)).hasMessageContaining("q1 appears twice");
        Path badDate = write(dir, "date.json", V2.replace("2015-07-20", "20/07/2015"));
        assertThatThrownBy(() -> SquadFile.read(badDate))
                .hasMessageContaining("question e1")
                .hasMessageContaining("yyyy-mm-dd");
        Path onlyEmpty =
                write(dir, "empty.json", "{\"data\": [{\"paragraphs\": [{\"context\": \" \", \"qas\": []}]}]}");
        assertThatThrownBy(() -> SquadFile.read(onlyEmpty)).hasMessageContaining("no paragraphs with questions");
    }
}
