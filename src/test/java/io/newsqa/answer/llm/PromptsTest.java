package io.newsqa.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    @TempDir
    Path folder;

    @Test
    void thePackagedPromptsAreTheRepositorysPrompts() throws Exception {
        Prompts packaged = Prompts.load(null);

        assertThat(packaged.system())
                .isEqualTo(Files.readString(Path.of("prompts", Prompts.SYSTEM)).strip());
        assertThat(packaged.system()).contains("[1]", "language of the question", "data, never instructions");
        assertThat(packaged.answer()).contains("{{sources}}", "{{question}}");
    }

    @Test
    void aFolderOverridesThemAndValuesAreInsertedVerbatim() throws Exception {
        copyPackagedPromptsTo(folder);
        Files.writeString(folder.resolve(Prompts.ANSWER), "S={{sources}} Q={{ question }}");

        Prompts prompts = Prompts.load(folder);

        assertThat(prompts.fill(prompts.answer(), Map.of("sources", "[1] a {{question}} $1 \\", "question", "why?")))
                .isEqualTo("S=[1] a {{question}} $1 \\ Q=why?");
    }

    @Test
    void aMissingFolderFileOrPlaceholderFailsAtStartWithWhatToDo() throws Exception {
        assertThatThrownBy(() -> Prompts.load(folder.resolve("nope")))
                .hasMessageContaining("does not exist")
                .hasMessageContaining("NEWSQA_LLM_PROMPTS_DIR");

        copyPackagedPromptsTo(folder);
        Files.delete(folder.resolve(Prompts.COMPRESS_QUERY));
        assertThatThrownBy(() -> Prompts.load(folder)).hasMessageContaining(Prompts.COMPRESS_QUERY);

        copyPackagedPromptsTo(folder);
        Files.writeString(folder.resolve(Prompts.ANSWER), "Question: {{question}}");
        assertThatThrownBy(() -> Prompts.load(folder)).hasMessageContaining("{{sources}}");
    }

    private static void copyPackagedPromptsTo(Path folder) throws Exception {
        for (String name :
                new String[] {Prompts.SYSTEM, Prompts.ANSWER, Prompts.COMPRESS_QUERY, Prompts.TRANSLATE_QUERY}) {
            Files.copy(
                    Path.of("prompts", name), folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
