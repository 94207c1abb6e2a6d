package io.newsqa.web;

import static io.newsqa.web.Http.get;
import static io.newsqa.web.Http.json;
import static io.newsqa.web.Http.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every endpoint of the JSON API over real HTTP, success and failure paths. */
class WebApiTest extends WebTestContext {

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static void assertProblem(HttpResponse<String> response, int status, String detailContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(detailContains);
    }

    HttpResponse<String> ask(Map<String, Object> body) {
        return postJson(url("/api/ask"), body);
    }

    static Map<String, Object> question(String question, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    // ---- POST /api/ask ----

    @Test
    void askAnswersTheSeedQuestionWithTheSeedCitedByLinkAndDateAndANewConversation() {
        HttpResponse<String> response = ask(question(WebTestArchive.SEED_QUESTION));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("found").asBoolean()).isTrue();
        assertThat(answer.get("answer").asText()).contains("[1]").contains("بوتين");
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("title").asText()).isEqualTo(WebTestArchive.SEED_TITLE);
        assertThat(citation.get("url").asText()).isEqualTo(WebTestArchive.SEED_URL);
        assertThat(citation.get("publishedAt").asText()).isEqualTo("2025-08-02T14:30:00+03:00");
        assertThat(citation.get("storyId").asText())
                .isEqualTo(citation.get("articleId").asText());
        assertThat(answer.get("conversationId").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void askKeepsTheConversationItContinues() {
        JsonNode answer = json(ask(question("متى يفتتح خط الترام؟", "conversationId", "reader-42_a")));

        assertThat(answer.get("conversationId").asText()).isEqualTo("reader-42_a");
    }

    /**
     * Conversations that change topic: a question naming its own subject is answered on its own,
     * an unanswerable one is refused, a true follow-up keeps the topic (the issue's example was a
     * question about a boat on the Nile hijacking the next one).
     */
    @Test
    void askAnswersEachTurnOfAConversationChangingTopicFromItsOwnArticle() {
        String[][] arabic = {
            {"متى يبدأ تشغيل خط الترام في وادي النخيل؟", "https://example.org/sample/ar/tram-line-opens"},
            {"ولماذا تأخر؟", "https://example.org/sample/ar/tram-line-opens"},
            {"كم عدد ضحايا غرق المركب في النيل؟", null},
            {WebTestArchive.SEED_QUESTION, WebTestArchive.SEED_URL},
            {"كم دار نشر تشارك في معرض الكتاب؟", "https://example.org/sample/ar/book-fair"}
        };
        String[][] english = {
            {"When did the museum reopen?", "https://example.org/sample/en/museum-reopens"},
            {"How much did the renovation cost?", "https://example.org/sample/en/museum-reopens"},
            {"Who won the Coastal Regional Cup?", "https://example.org/sample/en/football-cup"},
            {"What was the death toll of the Nile boat sinking?", null},
            {
                "How many passengers a day does the city expect on the tram?",
                "https://example.org/sample/en/tram-line-opens"
            },
            {"And how long does a full trip take?", "https://example.org/sample/en/tram-line-opens"}
        };
        for (String[][] conversation : List.of(arabic, english)) {
            String id = "topics-" + conversation[0][0].hashCode();
            for (String[] turn : conversation) {
                JsonNode answer = json(ask(question(turn[0], "conversationId", id.replace('-', '_'))));
                if (turn[1] == null) {
                    assertThat(answer.get("found").asBoolean()).as(turn[0]).isFalse();
                } else {
                    assertThat(answer.get("found").asBoolean()).as(turn[0]).isTrue();
                    assertThat(answer.get("citations").get(0).get("url").asText())
                            .as(turn[0])
                            .isEqualTo(turn[1]);
                }
            }
        }
    }

    @Test
    void askRejectsAConversationIdItDidNotIssueTheShapeOf() {
        assertProblem(ask(question("متى يفتتح خط الترام؟", "conversationId", "<script>")), 400, "conversationId");
        assertProblem(ask(question("متى يفتتح خط الترام؟", "conversationId", "x".repeat(65))), 400, "conversationId");
    }

    @Test
    void askAnswersOnlyFromArticlesWithinTheFilters() {
        assertThat(json(ask(question(WebTestArchive.SEED_QUESTION, "languages", List.of("en"))))
                        .get("found")
                        .asBoolean())
                .as("no Arabic article within an English-only filter")
                .isFalse();
        assertThat(json(ask(question(WebTestArchive.SEED_QUESTION, "to", "2025-08-01")))
                        .get("found")
                        .asBoolean())
                .as("the seed was published on 2 August")
                .isFalse();
        JsonNode onTheDay = json(ask(question(WebTestArchive.SEED_QUESTION, "from", "2025-08-01", "to", "2025-08-02")));
        assertThat(onTheDay.get("found").asBoolean())
                .as("'to' includes its whole day")
                .isTrue();
        assertThat(onTheDay.get("citations").get(0).get("title").asText()).isEqualTo(WebTestArchive.SEED_TITLE);
        assertThat(json(ask(question(WebTestArchive.SEED_QUESTION, "sources", List.of("Seed wire"))))
                        .get("found")
                        .asBoolean())
                .isTrue();
        assertThat(json(ask(question(WebTestArchive.SEED_QUESTION, "sources", List.of("Another wire"))))
                        .get("found")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void askRejectsFiltersThatCannotBeMeant() {
        assertProblem(ask(question("متى يفتتح خط الترام؟", "from", "yesterday")), 400, "\"from\" is \"yesterday\"");
        assertProblem(
                ask(question("متى يفتتح خط الترام؟", "from", "2025-09-01", "to", "2025-08-01")),
                400,
                "must come before");
        assertProblem(ask(question("متى يفتتح خط الترام؟", "languages", List.of("arabic!"))), 400, "language code");
        assertProblem(ask(question("متى يفتتح خط الترام؟", "languages", "ar")), 400, "");
    }

    @Test
    void askRejectsJsonOfTheWrongTypeNamingTheField() {
        assertProblem(postJson(url("/api/ask"), "{\"question\": 42}"), 400, "\"question\" must be a JSON string");
        assertProblem(postJson(url("/api/ask"), "{\"question\": true}"), 400, "\"question\" must be a JSON string");
        assertProblem(
                postJson(url("/api/ask"), "{\"question\": [\"متى يفتتح خط الترام؟\"]}"),
                400,
                "\"question\" must be a JSON string");
        assertProblem(
                postJson(url("/api/ask"), "[\"متى يفتتح خط الترام؟\"]"), 400, "The request body must be a JSON object");
        assertProblem(
                postJson(url("/api/ask"), "{\"question\": \"متى يفتتح خط الترام؟\", \"sources\": [\"a\", 7]}"),
                400,
                "\"sources[1]\" must be a JSON string");
        assertProblem(
                postJson(url("/api/ask"), "{\"question\": \"متى يفتتح خط الترام؟\", \"languages\": \"ar\"}"),
                400,
                "\"languages\" must be a JSON list");
        HttpResponse<String> stream = postJson(url("/api/ask/stream"), "{\"question\": 42}");
        assertProblem(stream, 400, "\"question\" must be a JSON string");
        assertThat(json(stream).get("title").asText()).isEqualTo("Wrong JSON type");
    }

    @Test
    void askRejectsAnEmptyOrOverlongQuestionOrBrokenJson() {
        assertProblem(ask(question("  ")), 400, "empty");
        assertProblem(ask(question("س".repeat(2001))), 400, "2000");
        assertProblem(postJson(url("/api/ask"), "{\"question\": "), 400, "");
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url("/api/ask")))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("hello")))
                        .statusCode())
                .isEqualTo(415);
    }

    // ---- POST /api/ask/stream ----

    record Event(String name, JsonNode data) {}

    static List<Event> events(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\\r?\\n\\r?\\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\\r?\\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).replaceFirst("^ ", ""));
                }
            }
            if (name != null) {
                events.add(new Event(name, readTree(data.toString())));
            }
        }
        return events;
    }

    private static JsonNode readTree(String data) {
        try {
            return Http.JSON.readTree(data);
        } catch (java.io.IOException e) {
            throw new AssertionError("event data is not JSON: " + data, e);
        }
    }

    @Test
    void streamSendsTheAnswerTextInDeltasThenTheWholeAnswer() {
        HttpResponse<String> response =
                postJson(url("/api/ask/stream"), question(WebTestArchive.SEED_QUESTION), "Accept", "text/event-stream");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<Event> events = events(response.body());
        assertThat(events).isNotEmpty();
        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("answer");
        List<Event> deltas = events.subList(0, events.size() - 1);
        assertThat(deltas)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.name()).isEqualTo("delta"));
        String streamed =
                deltas.stream().map(event -> event.data().get("text").asText()).reduce("", String::concat);
        assertThat(streamed).isEqualTo(last.data().get("answer").asText());
        assertThat(last.data().get("citations").get(0).get("url").asText()).isEqualTo(WebTestArchive.SEED_URL);
        assertThat(last.data().get("conversationId").asText()).isNotBlank();
    }

    @Test
    void streamRejectsABadQuestionBeforeStreamingWithAProblem() {
        assertProblem(postJson(url("/api/ask/stream"), question(""), "Accept", "text/event-stream"), 400, "empty");
        assertProblem(
                postJson(url("/api/ask/stream"), question("tram", "to", "soon"), "Accept", "text/event-stream"),
                400,
                "\"to\"");
    }

    @Test
    void streamSaysTheArchiveDoesNotSayWhenItDoesNot() {
        List<Event> events =
                events(postJson(url("/api/ask/stream"), question("Who won the 1974 chess olympiad in Nice?"))
                        .body());

        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("answer");
        assertThat(last.data().get("found").asBoolean()).isFalse();
        assertThat(last.data().get("citations")).isEmpty();
    }

    // ---- conversations: POST /api/ask with a conversationId, DELETE /api/conversations/{id} ----

    // Without a language model a follow-up carries the previous question's content words (see
    // answer.conversation.FollowUps). Alone, "how much is the ticket?" finds the museum's fare and the
    // tram's; after a question about the tram, only the tram's.
    static final String TRAM_QUESTION = "متى يبدأ تشغيل خط الترام؟";
    static final String TICKET_FOLLOW_UP = "كم قيمة التذكرة؟";
    static final String TRAM_FARE = "تبلغ قيمة التذكرة ريالين";
    static final String MUSEUM_FARE = "20 ريالا للكبار";
    static final String TRAM_TITLE = "افتتاح خط الترام الأول في وادي النخيل مطلع يونيو";

    static String newConversationId() {
        return "test-" + java.util.UUID.randomUUID();
    }

    HttpResponse<String> resetConversation(String conversationId) {
        return Http.send(HttpRequest.newBuilder(URI.create(url("/api/conversations/" + conversationId)))
                .DELETE());
    }

    @Test
    void aFollowUpInAConversationIsReadWithTheQuestionBeforeIt() {
        JsonNode alone = json(ask(question(TICKET_FOLLOW_UP)));
        assertThat(alone.get("answer").asText())
                .as("read alone: the best-matching fare, the museum's")
                .contains(MUSEUM_FARE);

        String conversation = newConversationId();
        JsonNode first = json(ask(question(TRAM_QUESTION, "conversationId", conversation)));
        assertThat(first.get("answer").asText()).contains("الثالث من يونيو");
        JsonNode followUp = json(ask(question(TICKET_FOLLOW_UP, "conversationId", conversation)));

        assertThat(followUp.get("conversationId").asText()).isEqualTo(conversation);
        assertThat(followUp.get("answer").asText())
                .as("read after the tram question: the tram's fare only")
                .contains(TRAM_FARE)
                .doesNotContain(MUSEUM_FARE);
        assertThat(followUp.get("citations"))
                .extracting(citation -> citation.get("title").asText())
                .containsOnly(TRAM_TITLE);
    }

    @Test
    void aStreamedFollowUpIsReadWithTheConversationToo() {
        String conversation = newConversationId();
        List<Event> first =
                events(postJson(url("/api/ask/stream"), question(TRAM_QUESTION, "conversationId", conversation))
                        .body());
        assertThat(first.get(first.size() - 1).data().get("conversationId").asText())
                .isEqualTo(conversation);

        List<Event> events =
                events(postJson(url("/api/ask/stream"), question(TICKET_FOLLOW_UP, "conversationId", conversation))
                        .body());

        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("answer");
        assertThat(last.data().get("answer").asText()).contains(TRAM_FARE).doesNotContain(MUSEUM_FARE);
    }

    @Test
    void aResetConversationForgetsItsQuestions() {
        String conversation = newConversationId();
        ask(question(TRAM_QUESTION, "conversationId", conversation));

        HttpResponse<String> reset = resetConversation(conversation);

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(reset.body()).isEmpty();
        JsonNode followUp = json(ask(question(TICKET_FOLLOW_UP, "conversationId", conversation)));
        assertThat(followUp.get("answer").asText())
                .as("nothing left to follow up on: answered as if asked alone")
                .isEqualTo(json(ask(question(TICKET_FOLLOW_UP))).get("answer").asText())
                .contains(MUSEUM_FARE);
        assertThat(resetConversation(newConversationId()).statusCode())
                .as("an unknown conversation: nothing to forget")
                .isEqualTo(204);
    }

    @Test
    void aResetRefusesAConversationIdItDidNotIssueTheShapeOf() {
        assertProblem(resetConversation("x".repeat(65)), 400, "conversationId");
        assertProblem(resetConversation("%3Cscript%3E"), 400, "conversationId");
    }

    // ---- GET /api/search ----

    @Test
    void searchFindsTheSeedPassagesWithTheirScoresAndRanks() {
        HttpResponse<String> response = get(url("/api/search?q=" + encode(WebTestArchive.SEED_QUESTION) + "&limit=3"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("language").asText()).isEqualTo("ar");
        JsonNode results = body.get("results");
        assertThat(results.size()).isBetween(1, 3);
        JsonNode best = results.get(0);
        assertThat(best.get("title").asText()).isEqualTo(WebTestArchive.SEED_TITLE);
        assertThat(best.get("url").asText()).isEqualTo(WebTestArchive.SEED_URL);
        assertThat(best.get("text").asText()).contains("بوتين");
        assertThat(best.get("score").asDouble()).isPositive();
        assertThat(best.get("lexicalRank").asInt()).isPositive();
        // The seed retells no other article: its own story.
        assertThat(best.get("storyId").asText()).isEqualTo(best.get("articleId").asText());
        for (int i = 1; i < results.size(); i++) {
            assertThat(results.get(i).get("score").asDouble())
                    .isLessThanOrEqualTo(results.get(i - 1).get("score").asDouble());
        }
    }

    @Test
    void searchKeepsToTheFilters() {
        String q = "/api/search?q=" + encode("tram line opens");
        assertThat(json(get(url(q + "&language=ar"))).get("results"))
                .allSatisfy(
                        result -> assertThat(result.get("language").asText()).isEqualTo("ar"));
        assertThat(json(get(url(q + "&source=" + encode("Seed wire")))).get("results"))
                .allSatisfy(result -> assertThat(result.get("title").asText()).isEqualTo(WebTestArchive.SEED_TITLE));
        JsonNode dated = json(get(url(q + "&from=2025-05-01&to=2025-05-31"))).get("results");
        assertThat(dated)
                .isNotEmpty()
                .allSatisfy(
                        result -> assertThat(result.get("publishedAt").asText()).startsWith("2025-05"));
    }

    @Test
    void searchTurnsTimeWordsIntoADateFilterAndSaysWhich() {
        JsonNode body = json(get(url("/api/search?q=" + encode("tram line opens in May 2025"))));

        assertThat(body.get("appliedFilter").get("from").asText()).isEqualTo("2025-05-01T00:00:00Z");
        assertThat(body.get("appliedFilter").get("to").asText()).isEqualTo("2025-06-01T00:00:00Z");
        assertThat(body.get("appliedFilter").get("reason").asText()).isEqualTo("in may 2025");
        assertThat(body.get("appliedFilter").get("newestFirst").asBoolean()).isFalse();
        assertThat(body.get("results"))
                .isNotEmpty()
                .allSatisfy(
                        result -> assertThat(result.get("publishedAt").asText()).startsWith("2025-05"));
        assertThat(json(get(url("/api/search?q=" + encode("tram line opens"))))
                        .get("appliedFilter")
                        .isNull())
                .isTrue();
    }

    @Test
    void askSaysWhichTimeFilterItAppliedTheRequestsOwnDatesWinning() {
        JsonNode fromWords = json(ask(question("Which tram line opened in May 2025?")));
        assertThat(fromWords.get("appliedFilter").get("reason").asText()).isEqualTo("in may 2025");
        assertThat(fromWords.get("citations"))
                .isNotEmpty()
                .allSatisfy(citation ->
                        assertThat(citation.get("publishedAt").asText()).startsWith("2025-05"));

        JsonNode fromRequest = json(ask(question("Which tram line opened in May 2025?", "from", "2025-09-01")));
        assertThat(fromRequest.get("appliedFilter").get("reason").asText()).isEqualTo("request");
        assertThat(fromRequest.get("appliedFilter").get("from").asText()).isEqualTo("2025-09-01T00:00:00Z");
        assertThat(fromRequest.get("citations"))
                .allSatisfy(citation ->
                        assertThat(citation.get("publishedAt").asText()).doesNotStartWith("2025-05"));
    }

    @Test
    void searchRejectsAMissingQueryABadLimitOrABadDate() {
        assertProblem(get(url("/api/search")), 400, "\"q\"");
        assertProblem(get(url("/api/search?q=tram&limit=0")), 400, "limit");
        assertProblem(get(url("/api/search?q=tram&limit=51")), 400, "limit");
        assertProblem(get(url("/api/search?q=tram&limit=many")), 400, "");
        assertProblem(get(url("/api/search?q=tram&from=2025-13-01")), 400, "\"from\"");
    }

    // ---- /api/admin ----

    @Nested
    class Administration {

        HttpResponse<String> admin(String method, String path, String key) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.noBody());
            if (key != null) {
                request.header("X-Api-Key", key);
            }
            return Http.send(request);
        }

        HttpResponse<String> postArticle(String text) {
            return Http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/articles")))
                    .header("X-Api-Key", ADMIN_KEY)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
        }

        @Test
        void withoutAKeyIs401AndWithAWrongKey403() {
            for (String path : List.of("/api/admin/archive", "/api/admin/articles", "/api/admin/articles/x")) {
                HttpResponse<String> none = admin("GET", path, null);
                assertProblem(none, 401, "X-Api-Key");
                assertThat(none.headers().firstValue("WWW-Authenticate"))
                        .hasValueSatisfying(value -> assertThat(value).contains("X-Api-Key"));
                assertProblem(admin("GET", path, "wrong-key"), 403, "does not hold");
                assertProblem(admin("GET", path, ADMIN_KEY + "x"), 403, "does not hold");
            }
            assertProblem(admin("DELETE", "/api/admin/articles/x", "wrong-key"), 403, "does not hold");
        }

        @Test
        void theOverviewCountsArticlesPerLanguageAndSourceAndListsTheRecentOnes() {
            HttpResponse<String> response = admin("GET", "/api/admin/archive", ADMIN_KEY);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode overview = json(response);
            long articles = overview.get("articles").asLong();
            assertThat(articles).isGreaterThanOrEqualTo(9);
            assertThat(overview.get("chunks").asLong()).isGreaterThanOrEqualTo(articles);
            JsonNode languages = overview.get("facets").get("languages");
            assertThat(languages.get("ar").asLong() + languages.get("en").asLong())
                    .isEqualTo(articles);
            assertThat(overview.get("facets").get("sources").get("Seed wire").asLong())
                    .isEqualTo(1);
            assertThat(overview.get("recent").size()).isBetween(1, 10);
            assertThat(overview.get("recent").get(0).get("ingestedAt").asText()).isNotBlank();
        }

        @Test
        void theListPagesThroughEveryArticleOnce() {
            long total = json(admin("GET", "/api/admin/articles?limit=1", ADMIN_KEY))
                    .get("total")
                    .asLong();
            List<String> ids = new ArrayList<>();
            for (int offset = 0; offset < total; offset += 4) {
                JsonNode page = json(admin("GET", "/api/admin/articles?offset=" + offset + "&limit=4", ADMIN_KEY));
                assertThat(page.get("offset").asInt()).isEqualTo(offset);
                page.get("articles")
                        .forEach(article -> ids.add(article.get("id").asText()));
            }
            assertThat(ids).hasSize((int) total).doesNotHaveDuplicates();
            assertThat(json(admin("GET", "/api/admin/articles?offset=" + total, ADMIN_KEY))
                            .get("articles"))
                    .isEmpty();
        }

        @Test
        void theListRejectsABadPage() {
            assertProblem(admin("GET", "/api/admin/articles?offset=-1", ADMIN_KEY), 400, "offset");
            assertProblem(admin("GET", "/api/admin/articles?limit=0", ADMIN_KEY), 400, "limit");
            assertProblem(admin("GET", "/api/admin/articles?limit=101", ADMIN_KEY), 400, "limit");
        }

        @Test
        void anArticleIsAddedReadAndDeleted() {
            String file = """
                    ---
                    url: https://news.example/2025/06/bridge
                    source: City Desk
                    published: 2025-06-03T10:00:00+02:00
                    ---
                    The old bridge reopens to cyclists

                    The old bridge reopened to cyclists on Monday after two years of repairs.
                    """;
            HttpResponse<String> added = postArticle(file);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            String id = json(added).get("id").asText();
            assertThat(json(added).get("outcome").asText()).isEqualTo("ADDED");
            assertThat(json(postArticle(file)).get("outcome").asText()).isEqualTo("UNCHANGED");

            JsonNode article = json(admin("GET", "/api/admin/articles/" + id, ADMIN_KEY));
            assertThat(article.get("title").asText()).isEqualTo("The old bridge reopens to cyclists");
            assertThat(article.get("body").asText()).contains("two years of repairs");
            assertThat(article.get("publishedAt").asText()).isEqualTo("2025-06-03T10:00:00+02:00");
            assertThat(json(admin("GET", "/api/admin/articles?limit=1", ADMIN_KEY))
                            .get("articles")
                            .get(0)
                            .get("id")
                            .asText())
                    .as("the newest stored comes first")
                    .isEqualTo(id);

            assertThat(admin("DELETE", "/api/admin/articles/" + id, ADMIN_KEY).statusCode())
                    .isEqualTo(204);
            assertProblem(admin("DELETE", "/api/admin/articles/" + id, ADMIN_KEY), 404, id);
            assertProblem(admin("GET", "/api/admin/articles/" + id, ADMIN_KEY), 404, id);
        }

        @Test
        void aPostedArticleThatCannotBeReadIsABadRequestAndStoresNothing() {
            long before = json(admin("GET", "/api/admin/archive", ADMIN_KEY))
                    .get("articles")
                    .asLong();

            assertProblem(postArticle("   "), 400, "empty");
            assertProblem(postArticle("Only a headline"), 400, "no article body");
            assertProblem(postArticle("---\nurl: https://news.example/x\nHeadline\n\nBody."), 400, "never closed");

            assertThat(json(admin("GET", "/api/admin/archive", ADMIN_KEY))
                            .get("articles")
                            .asLong())
                    .isEqualTo(before);
        }

        @Test
        void anUnknownArticleIs404() {
            assertProblem(admin("GET", "/api/admin/articles/no-such-article", ADMIN_KEY), 404, "no-such-article");
        }
    }

    // ---- CORS ----

    HttpResponse<String> preflight(String path, String origin) {
        return preflight(path, origin, "POST");
    }

    HttpResponse<String> preflight(String path, String origin, String method) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type"));
    }

    @Test
    void onlyConfiguredOriginsMayCallThePublicApiFromTheBrowser() {
        HttpResponse<String> allowed = preflight("/api/ask/stream", ALLOWED_ORIGIN);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);

        assertThat(preflight("/api/ask/stream", "https://elsewhere.example").statusCode())
                .isEqualTo(403);
        HttpResponse<String> fromElsewhere =
                postJson(url("/api/ask"), question("tram"), "Origin", "https://elsewhere.example");
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();

        HttpResponse<String> reset = preflight("/api/conversations/reader-1", ALLOWED_ORIGIN, "DELETE");
        assertThat(reset.statusCode()).as("the widget's \"new conversation\"").isEqualTo(200);
        assertThat(reset.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("DELETE"));
        assertThat(preflight("/api/conversations/reader-1", "https://elsewhere.example", "DELETE")
                        .statusCode())
                .isEqualTo(403);

        assertThat(preflight("/api/admin/archive", ALLOWED_ORIGIN).headers().firstValue("Access-Control-Allow-Origin"))
                .as("administration is never open to other sites")
                .isEmpty();
    }

    // ---- operations ----

    @Test
    void healthAndReadinessIncludeTheArchive() {
        HttpResponse<String> health = get(url("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
        HttpResponse<String> readiness = get(url("/actuator/health/readiness"));
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asText()).isEqualTo("UP");
        assertThat(get(url("/actuator/health/liveness")).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsCountRequestsAndAnswers() {
        ask(question(WebTestArchive.SEED_QUESTION));

        HttpResponse<String> metrics = get(url("/actuator/prometheus"), "X-Api-Key", ADMIN_KEY);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count")
                .contains("uri=\"/api/ask\"");
        assertThat(metrics.body()).containsPattern("newsqa_answers_total\\{[^}]*found=\"true\"[^}]*language=\"ar\"");
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointAndHasADocsPage() {
        JsonNode api = json(get(url("/v3/api-docs")));

        assertThat(api.get("paths").fieldNames())
                .toIterable()
                .contains(
                        "/api/ask",
                        "/api/ask/stream",
                        "/api/search",
                        "/api/conversations/{conversationId}",
                        "/api/admin/archive",
                        "/api/admin/articles",
                        "/api/admin/articles/{id}");
        assertThat(api.get("components")
                        .get("securitySchemes")
                        .get("adminKey")
                        .get("name")
                        .asText())
                .isEqualTo("X-Api-Key");
        assertThat(get(url("/swagger-ui/index.html")).statusCode()).isEqualTo(200);
        assertThat(get(url("/api-docs.html")).statusCode()).isEqualTo(302);
    }

    @Test
    void theDemoAndAdminPagesAndTheWidgetAreServed() {
        HttpResponse<String> demo = get(url("/"));
        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(demo.body()).contains("widget/newsqa-widget.js").contains("data-lang=\"ar\"");
        assertThat(get(url("/widget/newsqa-widget.js")).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(get(url("/widget/newsqa-widget.css")).statusCode()).isEqualTo(200);
        assertThat(get(url("/admin.html")).body()).contains("admin.js");
    }
}
