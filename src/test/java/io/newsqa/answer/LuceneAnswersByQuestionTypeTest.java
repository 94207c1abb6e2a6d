package io.newsqa.answer;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link AnswersByQuestionTypeContract} on the embedded archive. */
class LuceneAnswersByQuestionTypeTest extends AnswersByQuestionTypeContract {

    @TempDir
    static Path folder;

    @Override
    AnswerRig openRig() {
        return new AnswerRig(folder);
    }
}
