package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.load.LoadGenerator;
import io.newsqa.load.LoadReport;
import io.newsqa.load.LoadTarget;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast subset of the load scenarios ({@code scripts/reliability.sh} runs the full ones): four
 * clients for a few seconds on the running test server, search and extractive ask, no request
 * may fail. The figures are printed, not asserted: timing belongs to the benchmark commands.
 */
class LoadSmokeTest extends WebTestContext {

    private static final List<String> QUESTIONS = List.of(
            WebTestArchive.SEED_QUESTION, "متى يفتتح خط الترام؟", "Who called Netanyahu?", "ما آخر أخبار الأمطار؟");

    @Test
    void fourClientsOnSearchAndAskGetNoErrors() throws Exception {
        LoadGenerator generator = new LoadGenerator(URI.create(url("")), QUESTIONS, Duration.ofSeconds(30));

        LoadReport search = generator.run(LoadTarget.search, 4, Duration.ofSeconds(4));
        LoadReport ask = generator.run(LoadTarget.ask, 4, Duration.ofSeconds(4));

        System.out.print(LoadReport.tableHeader() + search.tableRow() + ask.tableRow());
        assertThat(search.errors()).isEmpty();
        assertThat(ask.errors()).isEmpty();
        assertThat(search.requests()).isGreaterThanOrEqualTo(4);
        assertThat(ask.requests()).isGreaterThanOrEqualTo(4);
    }
}
