package io.newsqa.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.archive.SearchFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The web channel's one door to the {@link AnswerService}: every endpoint that answers goes
 * through here, so the request-to-question mapping (filters, conversation) is in one place.
 *
 * <p>Streaming today: the answer service has no streaming call yet, so the answer is made first
 * and then sent as one {@code delta} per cited sentence followed by the whole answer. The
 * conversation id is checked, kept and returned, but answers do not yet depend on earlier
 * questions: the answer service has no conversation memory yet.
 */
@Component
class WebAnswers {

    /** Where a streamed answer is cut: after a citation marker and the space that follows it. */
    private static final Pattern AFTER_CITATION = Pattern.compile("\\[\\d+]\\s*");

    private final AnswerService answers;
    private final MeterRegistry meters;

    WebAnswers(AnswerService answers, MeterRegistry meters) {
        this.answers = answers;
        this.meters = meters;
    }

    AskResponse ask(AskRequest request) {
        String conversationId = request.conversationIdOrNew();
        SearchFilter filter = request.filter();
        Answer answer = answers.ask(request.question(), filter);
        count(answer);
        return new AskResponse(answer, conversationId);
    }

    /**
     * Checks the request and prepares its streamed answer. Bad requests and an unavailable
     * archive fail here, before anything is streamed, so they get plain HTTP error responses; the
     * returned task sends the answer to the listener.
     */
    Runnable prepareStream(AskRequest request, AnswerListener listener) {
        AskResponse response = ask(request);
        return () -> {
            try {
                for (String piece : pieces(response.answer().answer())) {
                    listener.delta(piece);
                }
                listener.answered(response);
            } catch (RuntimeException e) {
                listener.failed(e);
            }
        };
    }

    /** The answer text cut after each citation marker; the pieces joined give the text back exactly. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher marker = AFTER_CITATION.matcher(text);
        int start = 0;
        while (marker.find()) {
            pieces.add(text.substring(start, marker.end()));
            start = marker.end();
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    private void count(Answer answer) {
        meters.counter("newsqa.answers", "found", Boolean.toString(answer.found()), "language", answer.language(),
                "mode", answer.mode()).increment();
    }
}
