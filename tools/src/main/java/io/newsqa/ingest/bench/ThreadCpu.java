package io.newsqa.ingest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU seconds of this process's threads, JVM-internal ones (JIT compilers, garbage collector)
 * included, read from {@code /proc/self/task} (Linux). Tells where a run's CPU went that is not
 * the model's: a profiler's samples do not, since they miss native code and the JVM's own threads.
 */
final class ThreadCpu {

    /** Linux's USER_HZ: /proc reports thread times in these ticks, 100 per second on every common kernel. */
    static final double TICKS_PER_SECOND = 100;

    /** Thread-name prefixes (as /proc shows them: 15 characters at most) and what the thread does. */
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("embedding", "model inference (ONNX Runtime and its tokenizer)");
        // The launcher's main thread: /proc knows it by the process name, not as "main".
        ROLES.put("java", "reading, cleaning, dedupe, chunking (main thread)");
        ROLES.put("ingest-store", "storing (archive writes, index building)");
        ROLES.put("ingest-embed", "embedding scheduler");
        ROLES.put("Lucene Merge", "Lucene segment merges");
        ROLES.put("C1 CompilerThre", "JIT compiler");
        ROLES.put("C2 CompilerThre", "JIT compiler");
        ROLES.put("GC Thread", "garbage collector");
        ROLES.put("G1 ", "garbage collector");
    }

    private final Map<String, Long> ticksByThread;

    private ThreadCpu(Map<String, Long> ticksByThread) {
        this.ticksByThread = ticksByThread;
    }

    /** This moment's CPU ticks per living thread; empty where /proc is not there. */
    static ThreadCpu now() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> read(task)
                    .ifPresent(entry -> ticks.put(task.getFileName() + " " + entry.getKey(), entry.getValue())));
        } catch (IOException | RuntimeException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(ticks);
    }

    /** Thread name and user + system ticks of one task, from its stat line. */
    private static Optional<Map.Entry<String, Long>> read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            return Optional.of(Map.entry(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuTicks(stat)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the thread ended while being read
        }
    }

    /** User + system ticks from a {@code /proc/.../stat} line (a process's or a thread's). */
    static long cpuTicks(String statLine) {
        // After "pid (comm) " come the man page's fields from 3 (state) on: utime is 14, stime 15.
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    boolean available() {
        return !ticksByThread.isEmpty();
    }

    /**
     * CPU seconds per role between {@code before} and this snapshot. Threads that ended in between
     * (Lucene merge threads, pool threads) took CPU that no living thread shows: that is the
     * process's total minus the rest.
     */
    Map<String, Double> spentSince(ThreadCpu before, double processCpuSeconds) {
        Map<String, Double> byRole = new LinkedHashMap<>();
        ROLES.values().forEach(role -> byRole.put(role, 0.0));
        double accounted = 0;
        for (Map.Entry<String, Long> thread : ticksByThread.entrySet()) {
            double seconds =
                    (thread.getValue() - before.ticksByThread.getOrDefault(thread.getKey(), 0L)) / TICKS_PER_SECOND;
            String name = thread.getKey().substring(thread.getKey().indexOf(' ') + 1);
            byRole.merge(roleOf(name), seconds, Double::sum);
            accounted += seconds;
        }
        byRole.put(
                "threads that ended during the run (storing, merges, pools)",
                Math.max(0, processCpuSeconds - accounted));
        byRole.values().removeIf(seconds -> seconds < 0.05);
        return byRole;
    }

    private static String roleOf(String threadName) {
        return ROLES.entrySet().stream()
                .filter(role -> threadName.startsWith(role.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("other JVM threads");
    }
}
