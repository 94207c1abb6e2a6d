package io.newsqa.cli;

import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.answer.Citation;
import io.newsqa.answer.InvalidQuestionException;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer one question from the archive and print the sources.")
public final class AskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUESTION", description = "The question, quoted.")
    String question;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CommandContext.start()) {
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
        StringBuilder line = new StringBuilder("[").append(citation.n()).append("] ").append(citation.title());
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
