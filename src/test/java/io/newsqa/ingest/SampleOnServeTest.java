package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.ingest.SampleOnServe.When;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sample goes into the zero-setup archive only, unless asked for. */
class SampleOnServeTest {

    @Test
    void byDefaultOnlyTheEmbeddedArchiveInTheDefaultFolderGetsTheSample() {
        assertThat(SampleOnServe.wanted(When.DEFAULT, false, Path.of("data"))).isTrue();
        assertThat(SampleOnServe.wanted(When.DEFAULT, false, Path.of("data").toAbsolutePath()))
                .as("the same folder")
                .isTrue();
        assertThat(SampleOnServe.wanted(When.DEFAULT, false, Path.of("/srv/newsroom-archive")))
                .as("a chosen folder")
                .isFalse();
        assertThat(SampleOnServe.wanted(When.DEFAULT, true, Path.of("data")))
                .as("PostgreSQL")
                .isFalse();
    }

    @Test
    void sampleAsksForItAnywhereAndNoSampleNowhere() {
        assertThat(SampleOnServe.wanted(When.ALWAYS, true, Path.of("/srv/newsroom-archive")))
                .isTrue();
        assertThat(SampleOnServe.wanted(When.NEVER, false, Path.of("data"))).isFalse();
    }
}
