package io.newsqa.cli;

import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Add article files or folders (recursively) to the archive. Exit code 1 when any file was rejected.")
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CommandContext.start()) {
            IngestReport report = context.getBean(FileIngest.class).ingest(paths);
            System.out.println(report.summary());
            return report.rejections().isEmpty() ? 0 : 1;
        }
    }
}
