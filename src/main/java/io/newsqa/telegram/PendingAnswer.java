package io.newsqa.telegram;

import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerStream;

/**
 * An answer being written on another thread, as the delivery loop sees it: the text so far, whether
 * text was withdrawn, and how it ended (the answer, or the failure). The writing thread calls the
 * {@link AnswerStream} methods; the delivery loop waits for news with {@link #awaitNews}.
 */
final class PendingAnswer implements AnswerStream {

    /**
     * What the loop acts on.
     *
     * @param text          the answer text so far (empty after a discard until the fallback streams)
     * @param firstDeltaAt  {@link System#nanoTime()} of the first text, or {@code null} before any
     * @param discarded     text was withdrawn since the last look: what was shown must go
     * @param answer        the complete answer, once there is one
     * @param failure       why there will be no answer, if so
     */
    record State(String text, Long firstDeltaAt, boolean discarded, Answer answer, RuntimeException failure) {}

    private final StringBuilder text = new StringBuilder();
    private Long firstDeltaAt;
    private boolean discarded;
    private Answer answer;
    private RuntimeException failure;
    /** Counts events, so that the loop can tell whether anything happened since it last looked. */
    private long version;

    private long seenVersion;

    @Override
    public synchronized void onDelta(String delta) {
        if (firstDeltaAt == null) {
            firstDeltaAt = System.nanoTime();
        }
        text.append(delta);
        changed();
    }

    @Override
    public synchronized void onDiscard() {
        text.setLength(0);
        discarded = true;
        changed();
    }

    @Override
    public synchronized void onComplete(Answer complete) {
        answer = complete;
        changed();
    }

    synchronized void fail(RuntimeException cause) {
        failure = cause;
        changed();
    }

    private void changed() {
        version++;
        notifyAll();
    }

    /**
     * The state once something happened since the last call, or at {@code deadline} (a
     * {@link System#nanoTime()} value) if nothing did. A discard is reported once.
     */
    synchronized State awaitNews(long deadline) throws InterruptedException {
        while (version == seenVersion) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        seenVersion = version;
        State state = new State(text.toString(), firstDeltaAt, discarded, answer, failure);
        discarded = false;
        return state;
    }
}
