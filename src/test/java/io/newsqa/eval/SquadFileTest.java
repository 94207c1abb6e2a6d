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
        assertThat(file.paragraphs()).containsExactly("The new tram line opens in June with twelve stations.",
                "The museum reopened after a long restoration of its roof.");
        assertThat(file.questions()).extracting(SquadFile.Question::paragraph).containsExactly(0, 1);
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
    }

    @Test
    void badFilesAreRefusedWithTheFileNameAndTheReason() throws IOException {
        assertThatThrownBy(() -> SquadFile.read(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json").hasMessageContaining("no such file");
        Path notJson = write(dir, "broken.json", "{\"data\": [");
        assertThatThrownBy(() -> SquadFile.read(notJson)).hasMessageContaining("broken.json").hasMessageContaining("JSON");
        Path noData = write(dir, "nodata.json", "{\"version\": \"1.1\"}");
        assertThatThrownBy(() -> SquadFile.read(noData)).hasMessageContaining("no \"data\" array");
        Path duplicate = write(dir, "dup.json", EN.replace("\"q2\"", "\"q1\""));
        assertThatThrownBy(() -> SquadFile.read(duplicate)).hasMessageContaining("q1 appears twice");
    }
}
