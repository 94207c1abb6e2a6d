package io.newsqa.channel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a channel writes its answers on, so that the thread that received the question
 * (a request thread, a Telegram update) is free to pass the answer on while it grows. Bounded:
 * when every thread is busy and the queue is full, a new answer is refused ({@link Busy}) rather
 * than piling up threads or memory behind a flood of questions.
 */
public final class AnswerWriters implements AutoCloseable {

    /** Too many answers are being written at once; the question may be asked again shortly. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("Too many answers are being written right now; ask again in a few seconds.");
        }
    }

    private final ThreadPoolExecutor executor;

    /**
     * @param name what the threads are called ("answer-stream-1", …)
     * @param threads answers written at once
     * @param queue answers waiting for a thread before new ones are refused
     */
    public AnswerWriters(String name, int threads, int queue) {
        AtomicInteger number = new AtomicInteger();
        executor = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), task -> {
                    Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Writes an answer on one of the threads.
     *
     * @throws Busy when every thread is busy and the queue is full
     */
    public void execute(Runnable answer) {
        try {
            executor.execute(answer);
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
    }

    /** Stops the threads; answers being written are interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
