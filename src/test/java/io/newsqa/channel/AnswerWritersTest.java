package io.newsqa.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswerWritersTest {

    @Test
    void answersRunOnNamedThreadsAndPastTheQueueAreRefused() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        List<String> threads = new CopyOnWriteArrayList<>();
        try (AnswerWriters writers = new AnswerWriters("test-answer", 2, 1)) {
            Runnable blocked = () -> {
                threads.add(Thread.currentThread().getName());
                started.countDown();
                awaitQuietly(release);
            };
            writers.execute(blocked);
            writers.execute(blocked);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            writers.execute(blocked); // waits in the queue

            assertThatThrownBy(() -> writers.execute(blocked))
                    .isInstanceOf(AnswerWriters.Busy.class)
                    .hasMessageContaining("ask again in a few seconds");

            release.countDown();
        }
        assertThat(threads).allMatch(name -> name.startsWith("test-answer-"));
    }

    @Test
    void closingInterruptsAnswersBeingWritten() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AnswerWriters writers = new AnswerWriters("test-answer", 1, 1);
        writers.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        writers.close();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
