package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.config.NewsQaProperties;
import io.newsqa.support.EvalReportFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin page's evaluation table and re-index button in headless Chromium (a screenshot is
 * kept in target/screenshots/admin-maintenance.png).
 */
class AdminPageBrowserTest extends WebTestContext {

    private static Path profile;

    @Autowired
    NewsQaProperties properties;

    private WebDriver browser;

    @BeforeAll
    static void browserIsInstalled() throws IOException {
        HeadlessChromium.assertInstalled();
        profile = Files.createTempDirectory("newsqa-chromium-profile");
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        Files.deleteIfExists(properties.dataDir().resolve("eval.json"));
    }

    @Test
    void theAdminPageShowsTheEvaluationFiguresAndReindexesTheArchive() throws IOException {
        EvalReportFixture.copyTo(properties.dataDir().resolve("eval.json"));
        browser = HeadlessChromium.open(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get(url("/admin.html"));
        browser.findElement(By.id("api-key")).sendKeys(ADMIN_KEY);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("eval-table")));
        assertThat(browser.findElement(By.id("eval-results")).getText())
                .contains("xquad.ar", "hybrid", "embedded", "1190", "0.854", "0.950", "0.970", "0.900", "3.5", "7.3");

        browser.findElement(By.id("reindex")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(
                driver -> driver.findElement(By.id("reindex-status")).getText().endsWith("Done."));
        long articles = Http.json(Http.get(url("/api/admin/archive"), "X-Api-Key", ADMIN_KEY))
                .path("articles")
                .asLong();
        assertThat(browser.findElement(By.id("reindex-status")).getText())
                .isEqualTo(articles + " of " + articles + " articles re-indexed. Done.");
        assertThat(browser.findElement(By.id("reindex")).isEnabled()).isTrue();

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                screenshots.resolve("admin-maintenance.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A wrong key first, then the right one: no section keeps the wrong key's error; and Arabic
     * titles in the left-to-right table are laid out right-to-left in their own cells.
     */
    @Test
    void theRightKeyClearsTheWrongKeysErrorsAndArabicTitlesKeepTheirDirection() throws IOException {
        browser = HeadlessChromium.open(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(url("/admin.html"));

        browser.findElement(By.id("api-key")).sendKeys("not-the-key");
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        wait.until(driver -> !driver.findElement(By.id("status")).getText().isBlank()
                && !driver.findElement(By.id("reindex-status")).getText().isBlank());
        assertThat(browser.findElement(By.id("status")).getAttribute("class")).isEqualTo("error");

        browser.findElement(By.id("api-key")).clear();
        browser.findElement(By.id("api-key")).sendKeys(ADMIN_KEY);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feeds")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overview")));
        wait.until(driver -> driver.findElement(By.id("status")).getText().isBlank());

        assertThat(browser.findElement(By.id("feeds-status")).getText())
                .as("the Feeds section")
                .isEmpty();
        assertThat(browser.findElement(By.id("eval-none")).getText())
                .as("no evaluation report: its own message, not the key's")
                .doesNotContainIgnoringCase("key");
        wait.until(driver -> !driver.findElement(By.id("reindex-status"))
                .getText()
                .toLowerCase()
                .contains("key"));
        WebElement title = wait.until(driver -> driver.findElements(By.cssSelector("#list td")).stream()
                .filter(cell -> cell.getText().equals(WebTestArchive.SEED_TITLE))
                .findFirst()
                .orElse(null));
        assertThat(title.getAttribute("dir")).isEqualTo("auto");
        assertThat(((JavascriptExecutor) browser)
                        .executeScript("return getComputedStyle(arguments[0]).direction;", title))
                .isEqualTo("rtl");
    }
}
