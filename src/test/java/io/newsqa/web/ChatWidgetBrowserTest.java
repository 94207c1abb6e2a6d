package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.newsqa.ingest.feed.FeedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chat widget on the demo page, in Debian's headless Chromium driven through Selenium:
 * asking in Arabic with a streamed answer and a linked, dated citation, archive text that is
 * HTML staying text, the conversation surviving a reload and "new conversation" forgetting it, the Arabic layout right-to-left (a
 * screenshot is kept in target/screenshots/), and keyboard use; and the admin page's Feeds section.
 */
class ChatWidgetBrowserTest extends WebTestContext {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path profile;

    @Autowired
    ChatMemoryStore conversations;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void browserIsInstalled() throws IOException {
        HeadlessChromium.assertInstalled();
        profile = Files.createTempDirectory("newsqa-chromium-profile");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browser = HeadlessChromium.open(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void ask(String question) {
        WebElement launcher = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".nqa-launcher")));
        launcher.click();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".nqa-input")));
        assertThat(browser.switchTo().activeElement())
                .as("opening the panel puts the cursor in the question box")
                .isEqualTo(input);
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
    }

    private List<WebElement> answers() {
        return browser.findElements(By.cssSelector(".nqa-log .nqa-assistant:not(.nqa-pending)"));
    }

    private WebElement waitForAnswer(int count) {
        wait.until(driver -> answers().size() >= count);
        return answers().get(count - 1);
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    /** Records every text the pending answer shows, to see the streamed pieces arrive. */
    private void recordStreamedText() {
        script("""
                window.__streamed = [];
                new MutationObserver(() => {
                  document.querySelectorAll('.nqa-pending .nqa-text').forEach(p => window.__streamed.push(p.textContent));
                }).observe(document.body, {subtree: true, childList: true, characterData: true});
                """);
    }

    @Test
    void theDatesATimeWordSearchedAreShownUnderTheAnswerAndSurviveAReload() {
        String yesterday = io.newsqa.retrieve.time.RangeText.day(
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1), "en");
        browser.get(url("/demo-en.html"));

        ask("Did the museum reopen yesterday?");
        WebElement answer = waitForAnswer(1);

        assertThat(answer.findElement(By.cssSelector(".nqa-text")).getText())
                .startsWith("No articles from " + yesterday + " in the archive; the newest is from ");
        assertThat(answer.findElement(By.cssSelector(".nqa-applied")).getText())
                .isEqualTo("Published: " + yesterday + " (yesterday)");
        browser.navigate().refresh();
        assertThat(waitForAnswer(1).findElement(By.cssSelector(".nqa-applied")).getText())
                .contains(yesterday);
        assertThat(browser.findElements(By.cssSelector(".nqa-user + .nqa-assistant .nqa-applied")))
                .hasSize(1);
    }

    @Test
    void anArabicQuestionGetsAStreamedAnswerCitingTheSeedWithItsLinkAndDate() throws IOException {
        browser.get(url("/"));
        WebElement launcher = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nqa-launcher")));
        assertThat(launcher.getAttribute("aria-label")).isNotBlank();
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
        recordStreamedText();

        ask(WebTestArchive.SEED_QUESTION);
        WebElement answer = waitForAnswer(1);

        String text = answer.findElement(By.cssSelector(".nqa-text")).getText();
        assertThat(text).contains("بوتين").contains("[1]");
        @SuppressWarnings("unchecked")
        List<String> streamed = (List<String>) script("return window.__streamed;");
        assertThat(streamed)
                .as("the answer text was shown while it streamed in")
                .anySatisfy(shown -> assertThat(shown).contains("[1]"));
        WebElement source = answer.findElement(By.cssSelector(".nqa-sources li a.nqa-source-title"));
        assertThat(source.getText()).isEqualTo(WebTestArchive.SEED_TITLE);
        assertThat(source.getAttribute("href")).isEqualTo(WebTestArchive.SEED_URL);
        assertThat(answer.findElement(By.cssSelector(".nqa-sources li")).getText())
                .contains("2025")
                .contains("Seed wire");
        WebElement marker = answer.findElement(By.cssSelector("a.nqa-marker"));
        assertThat(marker.getText()).isEqualTo("[1]");
        assertThat(browser.findElement(By.cssSelector(".nqa-log")).getAttribute("role"))
                .isEqualTo("log");
        assertThat(browser.findElement(By.cssSelector(".nqa-log")).getAttribute("aria-live"))
                .isEqualTo("polite");

        WebElement panel = browser.findElement(By.cssSelector(".nqa-panel"));
        assertThat(script("return getComputedStyle(document.querySelector('.nqa-panel')).direction"))
                .isEqualTo("rtl");
        long viewport = (Long) script("return window.innerWidth;");
        assertThat(panel.getRect().getX())
                .as("the RTL panel sits at the inline end, the left")
                .isLessThan((int) viewport / 2);
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser)
                .getScreenshotAs(OutputType.FILE)
                .toPath();
        Files.copy(shot, SCREENSHOTS.resolve("widget-arabic-conversation.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theConversationSurvivesAReloadAndContinuesWithTheSameId() {
        browser.get(url("/"));
        ask(WebTestArchive.SEED_QUESTION);
        waitForAnswer(1);
        String conversation = (String) script("return JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)"
                + ".find(k => k.startsWith('newsqa:')))).conversationId;");
        assertThat(conversation).isNotBlank();

        browser.navigate().refresh();

        WebElement answer = waitForAnswer(1);
        assertThat(browser.findElement(By.cssSelector(".nqa-panel")).isDisplayed())
                .as("the open panel stays open")
                .isTrue();
        assertThat(browser.findElement(By.cssSelector(".nqa-user .nqa-text")).getText())
                .isEqualTo(WebTestArchive.SEED_QUESTION);
        assertThat(answer.findElement(By.cssSelector(".nqa-source-title")).getText())
                .isEqualTo(WebTestArchive.SEED_TITLE);

        WebElement input = browser.findElement(By.cssSelector(".nqa-input"));
        input.sendKeys("متى يفتتح خط الترام؟", Keys.ENTER);
        waitForAnswer(2);
        String after = (String) script("return JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)"
                + ".find(k => k.startsWith('newsqa:')))).conversationId;");
        assertThat(after)
                .as("the next question continues the same conversation")
                .isEqualTo(conversation);
    }

    private String storedConversationId() {
        return (String) script("return JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)"
                + ".find(k => k.startsWith('newsqa:')))).conversationId;");
    }

    @Test
    void aNewConversationIsForgottenByTheServerToo() {
        browser.get(url("/"));
        ask(WebTestArchive.SEED_QUESTION);
        waitForAnswer(1);
        String conversation = storedConversationId();
        assertThat(conversations.getMessages(conversation))
                .as("the server remembers the question")
                .isNotEmpty();

        browser.findElement(By.cssSelector(".nqa-reset")).click();

        wait.until(driver ->
                driver.findElements(By.cssSelector(".nqa-log .nqa-message")).isEmpty());
        assertThat(conversations.getMessages(conversation))
                .as("forgotten before the panel was cleared")
                .isEmpty();
        assertThat(storedConversationId()).isNull();
        assertThat(browser.switchTo().activeElement()).isEqualTo(browser.findElement(By.cssSelector(".nqa-input")));
    }

    @Test
    void archiveTextThatIsHtmlShowsAsTextAndRunsNothing() {
        browser.get(url("/demo-en.html"));
        script("window.__ran = []; window.alert = m => window.__ran.push(m);");
        ask(WebTestArchive.HOSTILE_QUESTION);
        WebElement answer = waitForAnswer(1);

        WebElement source = answer.findElement(By.cssSelector(".nqa-sources li .nqa-source-title"));
        assertThat(source.getText()).isEqualTo(WebTestArchive.HOSTILE_TITLE);
        assertThat(source.getTagName())
                .as("a javascript: link is not made a link")
                .isEqualTo("span");
        assertThat(answer.findElement(By.cssSelector(".nqa-sources li")).getText())
                .contains("<script>alert(4)</script>");
        assertThat(answer.findElement(By.cssSelector(".nqa-text")).getText()).contains("<b onmouseover=alert(2)>");
        assertThat(browser.findElements(By.cssSelector(".nqa-root img, .nqa-root script, .nqa-root b")))
                .isEmpty();
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(answer)
                .perform();
        assertThat(script("return window.__ran;")).asList().isEmpty();
        try {
            browser.switchTo().alert();
            throw new AssertionError("an alert is open: archive text ran as script");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertThat(script("return getComputedStyle(document.querySelector('.nqa-panel')).direction"))
                .isEqualTo("ltr");
    }

    @Test
    void escapeClosesThePanelAndGivesFocusBackToTheButton() {
        browser.get(url("/"));
        WebElement launcher = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".nqa-launcher")));
        launcher.sendKeys(Keys.ENTER);
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".nqa-input")));
        assertThat(browser.switchTo().activeElement()).isEqualTo(input);

        input.sendKeys(Keys.ESCAPE);

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".nqa-panel")));
        WebElement button = browser.findElement(By.cssSelector(".nqa-launcher"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(button);
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
    }

    // ---- the admin page's Feeds section ----

    @Test
    void theAdminPageRegistersAFeedPollsItAndShowsItsStatus() {
        try (FeedServer feeds = new FeedServer()) {
            String slug = UUID.randomUUID().toString().substring(0, 8);
            String feedUrl = feeds.url("/admin-" + slug);
            feeds.publish("/admin-" + slug, List.of(FeedServer.item(slug + "-1"), FeedServer.item(slug + "-2")));
            browser.get(url("/admin.html"));
            browser.findElement(By.id("api-key")).sendKeys(ADMIN_KEY);
            browser.findElement(By.cssSelector("#key-form button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feeds")));

            WebElement input = browser.findElement(By.id("feed-url"));
            input.sendKeys("ftp://news.example/rss.xml");
            browser.findElement(By.cssSelector("#feed-form button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("feeds-status"), "not an http or https URL"));
            input.clear();
            input.sendKeys(feedUrl);
            browser.findElement(By.cssSelector("#feed-form button")).click();

            assertThat(wait.until(driver -> feedCells(feedUrl)).get(1)).isEqualTo("not polled yet");
            // The table is redrawn whenever the list is fetched: a row found a moment ago may be gone.
            wait.ignoring(StaleElementReferenceException.class).until(driver -> {
                browser.findElement(By.cssSelector(
                                "#feed-list tr[data-feed-id] button[aria-label='Poll " + feedUrl + " now']"))
                        .click();
                return true;
            });

            List<String> cells = wait.until(driver -> {
                List<String> now = feedCells(feedUrl);
                return now != null && now.get(1).equals("ok") ? now : null;
            });
            assertThat(cells.get(2)).isNotEqualTo("—");
            assertThat(cells.get(3)).isEqualTo("2");
            assertThat(browser.findElement(By.id("feeds-status")).getText()).contains("2 new article(s)");
        }
    }

    /** The texts of the Feeds table's cells in a feed's row, read at once; null while it has no row. */
    @SuppressWarnings("unchecked")
    private List<String> feedCells(String feedUrl) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                for (const row of document.querySelectorAll('#feed-list tr')) {
                  const cells = Array.from(row.querySelectorAll('td'));
                  if (cells.length && cells[0].textContent === arguments[0]) { return cells.map(c => c.textContent); }
                }
                return null;""", feedUrl);
    }
}
