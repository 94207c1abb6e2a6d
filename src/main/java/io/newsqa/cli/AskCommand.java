package io.newsqa.cli;

import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.answer.Citation;
import io.newsqa.answer.InvalidQuestionException;
import io.newsqa.archive.ArchiveIndex;
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

    static String format(Citation citation) {
        StringBuilder line =
                new StringBuilder("[").append(citation.n()).append("] ").append(citation.title());
        if (citation.publishedAt() != null) {
            line.append(" (").append(citation.publishedAt().toLocalDate()).append(')');
        }
        if (citation.source() != null) {
            line.append(" — ").append(citation.source());
        }
        if (citation.url() != null) {
            line.append(" ").append(citation.url());
        }
        return line.toString();
    }
}
