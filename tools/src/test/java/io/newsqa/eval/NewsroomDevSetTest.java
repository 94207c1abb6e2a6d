package io.newsqa.eval;

import java.util.List;

/**
 * The newsroom dev set ({@code src/test/resources/eval/newsroom-dev.json}): hand-written questions
 * that fitted constants are chosen on.
 */
class NewsroomDevSetTest extends NewsroomSetContract {

    static final String RESOURCE = "/eval/newsroom-dev.json";
    static final List<String> DAYS = List.of("2015-07-21", "2015-07-22", "2015-07-23", "2015-07-24");

    @Override
    String resource() {
        return RESOURCE;
    }

    @Override
    List<String> days() {
        return DAYS;
    }
}
