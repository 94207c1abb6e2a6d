package io.newsqa.cli;

import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.answer.Citation;
import io.newsqa.answer.InvalidQuestionException;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.channel.CitationText;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = "Answer one question from the archive and print the sources.")
public final class AskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUESTION", description = "The question, quoted.")
    String question;

    /** Exit code when the archive holds no article yet. */
    static final int EMPTY_ARCHIVE = 2;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CommandContext.start(
                "ask it instead: curl -s http://localhost:8080/api/ask -H 'Content-Type: application/json'"
                        + " -d '{\"question\": \"...\"}' (or the server's own address)")) {
            if (context.getBean(ArchiveIndex.class).stats().articles() == 0) {
                System.err.println("The archive is empty: add articles with `newsqa ingest PATH...` (files, folders,"
                        + " dumps, feeds), or start `newsqa serve` once to load the sample articles"
                        + " (`serve --sample` for a chosen NEWSQA_DATA_DIR or PostgreSQL).");
                return EMPTY_ARCHIVE;
            }
            Answer answer = context.getBean(AnswerService.class).ask(question);
            System.out.println(answer.answer());
            for (Citation citation : answer.citations()) {
                System.out.println(format(citation));
            }
            return 0;
        } catch (InvalidQuestionException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /** {@code [1] headline (2025-05-01) — outlet https://…}: the date, outlet and link when known. */
    static String format(Citation citation) {
        CitationText text = CitationText.of(citation);
        StringBuilder line = new StringBuilder(text.marker()).append(text.label());
        if (text.day() != null) {
            line.append(" (").append(text.day()).append(')');
        }
        if (text.outlet() != null) {
            line.append(" — ").append(text.outlet());
        }
        if (text.url() != null) {
            line.append(' ').append(text.url());
        }
        return line.toString();
    }
}
