package io.newsqa.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AskApiEmbeddedTest extends AskApiContract {

    @DynamicPropertySource
    static void embeddedArchive(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("newsqa-api-test");
        registry.add("newsqa.data-dir", dataDir::toString);
        registry.add("newsqa.db.url", () -> "");
    }
}
