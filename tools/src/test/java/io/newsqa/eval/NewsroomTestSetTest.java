package io.newsqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The newsroom test set ({@code src/test/resources/eval/newsroom-test.json}): written the same way
 * as the dev set over other days, and held out, so that news figures can be reported on questions
 * nothing was tuned on. Besides the common contract it must share nothing with the dev set.
 */
class NewsroomTestSetTest extends NewsroomSetContract {

    private static final List<String> DAYS = List.of("2015-07-25", "2015-07-26");

    @Override
    String resource() {
        return "/eval/newsroom-test.json";
    }

    @Override
    List<String> days() {
        return DAYS;
    }

    @Test
    void sharesNoDayNoArticleAndNoQuestionWithTheDevSet() throws IOException {
        JsonNode dev;
        try (InputStream in = NewsroomTestSetTest.class.getResourceAsStream(NewsroomDevSetTest.RESOURCE)) {
            assertThat(in)
                    .as(NewsroomDevSetTest.RESOURCE + " on the test class path")
                    .isNotNull();
            dev = new ObjectMapper().readTree(in);
        }
        Set<String> devUrls = new HashSet<>();
        Set<String> devContexts = new HashSet<>();
        Set<String> devQuestions = new HashSet<>();
        for (JsonNode title : dev.path("data")) {
            devUrls.add(title.path("url").asText());
            for (JsonNode paragraph : title.path("paragraphs")) {
                devContexts.add(paragraph.path("context").asText());
                paragraph
                        .path("qas")
                        .forEach(qa -> devQuestions.add(qa.path("question").asText()));
            }
        }
        assertThat(DAYS).as("days of the test set").doesNotContainAnyElementsOf(NewsroomDevSetTest.DAYS);
        assertThat(articles).allSatisfy(a -> {
            assertThat(DAYS)
                    .as("date of " + a.title())
                    .contains(a.node().path("date").asText());
            assertThat(devUrls)
                    .as("dev urls")
                    .doesNotContain(a.node().path("url").asText());
            assertThat(devContexts).as("dev contexts").doesNotContain(a.context());
        });
        assertThat(questions).extracting(Qa::question).doesNotContainAnyElementsOf(devQuestions);
    }
}
