package io.newsqa.ingest.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Wall clock, CPU time and machine load of one measured run. On a machine shared with other work
 * the wall clock depends on the neighbours, the process's CPU time (every thread, ONNX Runtime's
 * and the JVM's own included) much less so; both are kept, with the load average around the run.
 * A run whose work is partly done by another process (PostgreSQL's backends) adds that process's
 * CPU through {@code outsideCpuSeconds}.
 */
final class Measure {

    private final DoubleSupplier outsideCpuSeconds;
    private final double loadBefore = loadAverage();
    private final ThreadCpu threadsBefore = ThreadCpu.now();
    private final double outsideBefore;
    private final long startCpuNanos = processCpuNanos();
    private final long startNanos = System.nanoTime();
    private double seconds;
    private double processCpuSeconds;
    private double outsideSeconds;
    private double loadAfter;
    private Map<String, Double> cpuByRole = Map.of();

    private Measure(DoubleSupplier outsideCpuSeconds) {
        this.outsideCpuSeconds = outsideCpuSeconds;
        this.outsideBefore = outsideCpuSeconds.getAsDouble();
    }

    static Measure start() {
        return new Measure(() -> 0);
    }

    /** Also counts the CPU that {@code outsideCpuSeconds} reports (a running total) as this run's. */
    static Measure start(DoubleSupplier outsideCpuSeconds) {
        return new Measure(outsideCpuSeconds);
    }

    void stop() {
        seconds = (System.nanoTime() - startNanos) / 1e9;
        processCpuSeconds = (processCpuNanos() - startCpuNanos) / 1e9;
        outsideSeconds = outsideCpuSeconds.getAsDouble() - outsideBefore;
        loadAfter = loadAverage();
        ThreadCpu threadsAfter = ThreadCpu.now();
        if (threadsBefore.available() && threadsAfter.available()) {
            cpuByRole = threadsAfter.spentSince(threadsBefore, processCpuSeconds);
        }
    }

    double seconds() {
        return seconds;
    }

    /** This process's CPU plus the outside CPU counted for the run. */
    double cpuSeconds() {
        return processCpuSeconds + outsideSeconds;
    }

    double outsideSeconds() {
        return outsideSeconds;
    }

    double loadBefore() {
        return loadBefore;
    }

    double loadAfter() {
        return loadAfter;
    }

    /** This process's CPU seconds by what its threads do; empty off Linux. */
    Map<String, Double> cpuByRole() {
        return cpuByRole;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }
}
