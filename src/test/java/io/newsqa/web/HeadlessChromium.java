package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through its ChromeDriver (scripts/provision-browser.sh); Selenium Manager never downloads anything. */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    static void assertInstalled() {
        assertThat(CHROMIUM).as("Chromium: run scripts/provision-browser.sh").isExecutable();
        assertThat(CHROMEDRIVER)
                .as("ChromeDriver: run scripts/provision-browser.sh")
                .isExecutable();
    }

    /** A new browser with a fresh profile under {@code profiles}; quitting it stops its driver. */
    static WebDriver open(Path profiles) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1200,900",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "run"));
        // One driver service per browser: quitting the browser stops its service.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
