package io.newsqa.eval;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bar charts of the evaluation, drawn headless so that it works on a server: retrieval
 * (one group per question set and measure, recall@1 and recall@5, one bar per method and
 * archive), and the extractive answer (one group per question set and measure, one bar per archive).
 */
public final class EvalChart {

    private static final int HEIGHT = 560;

    private EvalChart() {}

    public static void write(Path file, List<EvalResult> results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (EvalResult r : EvalReport.ordered(results)) {
            String series = r.method() + " (" + r.archive() + ")";
            data.addValue(r.recallAt1(), series, r.questionSet() + " r@1");
            data.addValue(r.recallAt5(), series, r.questionSet() + " r@5");
        }
        save(file, "Retrieval of the gold paragraph (ties count against it)", "recall", data);
    }

    /** The extractive answer's shares per question set, one bar per archive. */
    public static void writeAnswers(Path file, List<AnswerScore> scores) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (AnswerScore s : scores) {
            data.addValue(s.answered(), s.archive(), s.questionSet() + " answered");
            data.addValue(s.containsGold(), s.archive(), s.questionSet() + " contains gold");
            data.addValue(s.goldWithinTwoSentences(), s.archive(), s.questionSet() + " gold within 2 sentences");
            if (s.unanswerable() > 0) {
                data.addValue(
                        s.unanswerableRefusalPrecision(),
                        s.archive(),
                        s.questionSet() + " refusal precision (unanswerable)");
                data.addValue(
                        s.unanswerableRefusalRecall(), s.archive(), s.questionSet() + " refusal recall (unanswerable)");
            }
            data.addValue(
                    s.refusalPrecision(), s.archive(), s.questionSet() + " refusal precision (paragraph removed)");
            data.addValue(s.refusalRecall(), s.archive(), s.questionSet() + " refusal recall (paragraph removed)");
        }
        save(file, "Extractive answer (no language model)", "share", data);
    }

    private static void save(Path file, String title, String measure, DefaultCategoryDataset data) {
        System.setProperty("java.awt.headless", "true");
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(measure), new BarRenderer());
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int width = Math.max(900, 60 * data.getColumnCount() + 12 * data.getRowCount() * data.getColumnCount());
        try {
            EvalReport.createParent(file);
            ChartUtils.saveChartAsPNG(file.toFile(), chart, Math.min(width, 2400), HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the chart " + file + ": " + e.getMessage(), e);
        }
    }
}
