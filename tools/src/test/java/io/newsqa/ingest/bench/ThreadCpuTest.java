package io.newsqa.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    private static final String STORING = "storing (archive writes, index building)";
    private static final String ENDED = "threads that ended during the run (storing, merges, pools)";

    @Test
    void cpuOfALivingThreadIsCountedUnderWhatItsNameSays() throws Exception {
        Measure measure = Measure.start();
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread storer = new Thread(
                () -> {
                    burnCpu(0.3);
                    burnt.countDown();
                    awaitQuietly(release);
                },
                "ingest-store");
        storer.start();
        burnt.await();
        measure.stop(); // while the thread still lives
        release.countDown();
        storer.join();

        assertThat(measure.cpuByRole()).containsKey(STORING);
        assertThat(measure.cpuByRole().get(STORING)).isBetween(0.25, 5.0);
        assertThat(measure.cpuSeconds())
                .isGreaterThanOrEqualTo(measure.cpuByRole().get(STORING) - 0.02);
    }

    @Test
    void cpuOfAThreadThatEndedIsTheProcessTotalLessTheLivingThreads() throws Exception {
        Measure measure = Measure.start();
        Thread merge = new Thread(() -> burnCpu(0.3), "Lucene Merge Thread #0");
        merge.start();
        merge.join();
        awaitTaskGone("Lucene Merge");
        measure.stop();

        assertThat(measure.cpuByRole()).doesNotContainKey("Lucene segment merges");
        assertThat(measure.cpuByRole().get(ENDED)).isGreaterThanOrEqualTo(0.25);
        assertThat(measure.loadBefore()).isGreaterThanOrEqualTo(0);
    }

    /**
     * {@link Thread#join} returns when the Java thread is done; on a busy machine the kernel's task
     * can outlive it for a moment and would be read as living.
     */
    private static void awaitTaskGone(String namePrefix) throws Exception {
        for (int wait = 0; wait < 500 && taskNamed(namePrefix); wait++) {
            Thread.sleep(10);
        }
    }

    private static boolean taskNamed(String namePrefix) throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return false;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            return all.anyMatch(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith(namePrefix);
                } catch (IOException e) {
                    return false; // ended while being read
                }
            });
        }
    }

    /** Spins until this thread has used the given CPU seconds, however busy the machine is. */
    private static void burnCpu(double seconds) {
        long until = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + (long) (seconds * 1e9);
        long sink = 0;
        while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 100_000; i++) {
                sink += i * 31L ^ sink;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop from being optimised away
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
