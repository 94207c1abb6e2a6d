package io.newsqa.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that write streamed answers, so that request threads are not held for a whole
 * answer. Bounded: when every thread is busy and the queue is full, a new stream is refused
 * ({@link ServerBusyException}, 503) rather than piling up.
 */
@Component
class AnswerStreamExecutor implements DisposableBean {

    private static final int THREADS = 4;
    private static final int QUEUE = 64;

    private final ThreadPoolExecutor executor;

    AnswerStreamExecutor() {
        AtomicInteger number = new AtomicInteger();
        executor = new ThreadPoolExecutor(
                THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
                    Thread thread = new Thread(task, "answer-stream-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            throw new ServerBusyException();
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** Too many answers are being streamed at once. */
    static final class ServerBusyException extends RuntimeException {
        ServerBusyException() {
            super("Too many answers are being written right now; ask again in a few seconds.");
        }
    }
}
