package io.newsqa.cli;

import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of long commands, on standard error: redrawn in place twice a second on a
 * terminal; when output goes to a file or a pipe, where a redrawn bar becomes a cut-off {@code [ ]}
 * line per update, one full line every {@value #LINE_EVERY_MILLIS} ms instead.
 */
final class Progress {

    static final int LINE_EVERY_MILLIS = 5000;
    /** Wide enough for the bar, the counts, the ETA and the rates without cutting them. */
    static final int LINE_WIDTH = 160;

    private Progress() {}

    static ProgressBarBuilder bar(String task, long max, String unit) {
        return bar(task, max, unit, System.console() != null, System.err::println);
    }

    /** @param lines where the lines go when {@code terminal} is false */
    static ProgressBarBuilder bar(String task, long max, String unit, boolean terminal, Consumer<String> lines) {
        ProgressBarBuilder bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed();
        return terminal
                ? bar.setUpdateIntervalMillis(500)
                : bar.setUpdateIntervalMillis(LINE_EVERY_MILLIS)
                        .setConsumer(new DelegatingProgressBarConsumer(lines, LINE_WIDTH));
    }
}
