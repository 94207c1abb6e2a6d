package io.newsqa.answer;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests over one {@link AnswerRig} (sample archive and seed) per test class, in a folder of their own. */
abstract class OverSampleArchive {

    @TempDir
    static Path folder;

    static AnswerRig rig;

    @BeforeAll
    static void archive() {
        rig = new AnswerRig(folder);
    }

    @AfterAll
    static void close() {
        rig.close();
    }
}
