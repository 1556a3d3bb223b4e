package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import dev.newsflow.testkit.Prerequisites;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole path a user sees: {@code newsflow run} stores the seed and serves the dashboard; an article
 * published afterwards with {@code newsflow produce} appears on the open page without a reload.
 */
@ExtendWith(RealKafkaExtension.class)
class DashboardEndToEndTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void shouldShowTheSeedThenAnArticlePublishedLaterWithoutReload(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Prerequisites.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver is not installed (Debian packages chromium, chromium-driver)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String suffix = KafkaBroker.uniqueName("e2e");
        Thread run = new Thread(() -> Newsflow.commandLine().execute("run", "--bootstrap-servers", broker.bootstrapServers(),
                "--port", Integer.toString(port), "--data-dir", dir.resolve("state").toString(), "--topic-suffix", suffix,
                "--pipeline-name", suffix, "../seeds"));
        run.start();
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
            wait.ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.WebDriverException.class);
            wait.until(d -> {
                d.get("http://localhost:" + port + "/");
                return feedTitles(d).contains("Samarkand hosts a meeting of ministers in charge of ICT of the OTS");
            });
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                    "live".equals(d.findElement(By.tagName("body")).getDomAttribute("data-stream")));

            Path later = Files.writeString(dir.resolve("001_0a1b2c3d4e5f6789.txt"),
                    "Tashkent opens a new metro line\n10:30 / 2024-05-02\n\nThe new line in Tashkent links the airport with the centre of Uzbekistan's capital.\n\nAziz Karimov, UzA\n");
            CliRun produce = CliRun.of("produce", "--bootstrap-servers", broker.bootstrapServers(), "--topic-suffix", suffix,
                    later.toString());
            assertThat(produce.exitCode()).isZero();

            WebDriverWait live = new WebDriverWait(browser, Duration.ofSeconds(60));
            live.ignoring(StaleElementReferenceException.class);
            live.until(d -> feedTitles(d).contains("Tashkent opens a new metro line"));
            WebElement item = browser.findElement(By.cssSelector("#feed li[data-id='0a1b2c3d4e5f6789']"));
            assertThat(item.getText()).contains("UzA").contains("en");
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "dashboard-end-to-end.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
            run.interrupt();
            run.join(30_000);
        }
    }

    private static List<String> feedTitles(WebDriver browser) {
        return browser.findElements(By.cssSelector("#feed li .title")).stream().map(WebElement::getText).toList();
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
