package dev.martello.cli;

import dev.martello.web.auth.SecretHasher;
import dev.martello.web.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedules and automation page of {@code martello serve} in real headless Chromium: an operator pauses a
 * schedule and sees its row change; a viewer sees the schedules without the buttons; the automation table filters.
 * Screenshots go to {@code target/screenshots/} with the other pages'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeBrowserTest {
    @TempDir
    static Path dir;
    ServeCommand.Serving serving;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void serve() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("shop"));
        Files.writeString(ws.resolve("workspace.yaml"), """
            name: shop
            marts:
              classes:
                - dev.martello.cli.fixtures.ShopMarts$Commerce
                - dev.martello.cli.fixtures.ShopMarts$AutomatedCore
            seed:
              class: dev.martello.cli.fixtures.ShopSeed
            schedules:
              - name: nightly
                cron: "30 2 * * *"
                timezone: Europe/Zurich
                select: "+core/gmv_daily"
              - name: hourly_orders
                cron: "15 * * * *"
                select: "commerce/orders"
            """);
        Path config = Files.writeString(dir.resolve("server.yaml"), """
            auth:
              users:
                - { name: otto, role: operator, passwordHash: "%s" }
                - { name: vera, role: viewer, passwordHash: "%s" }
            """.formatted(SecretHasher.hash("otto-password".toCharArray()),
            SecretHasher.hash("vera-password".toCharArray())));
        CommandLine cmd = Martello.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        serving = ((ServeCommand) cmd.parseArgs("serve", "-w", ws.toString(), "-c", config.toString(), "--port", "0",
            "--grace", "5").subcommand().commandSpec().userObject()).open();
    }

    @AfterAll
    void stop() {
        serving.close();
    }

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        driver.quit();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + serving.web().port() + path;
    }

    private void loginAndOpenSchedules(String user, String password) throws IOException {
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login.html"));
        driver.findElement(By.id("user")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("login"));
        driver.get(url("/#/schedules"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-schedule='nightly']")));
    }

    private String state(String schedule) {
        return (String) driver.executeScript("const r = document.querySelector(\"tr[data-schedule='" + schedule
            + "'] td.state .pill\"); return r && r.textContent;");
    }

    @Test
    void anOperatorPausesAScheduleAndTheRowChanges() throws Exception {
        loginAndOpenSchedules("otto", "otto-password");
        assertThat(state("nightly")).isEqualTo("ACTIVE");
        assertThat(driver.findElement(By.cssSelector("tr[data-schedule='nightly']")).getText())
            .contains("30 2 * * *").contains("Europe/Zurich").contains("+core/gmv_daily").contains("in ");
        assertThat(driver.findElement(By.cssSelector("#automation-table tr[data-asset='core/gmv_daily']")).getText())
            .contains("eager");
        Browser.screenshot(driver, "schedules-serve");
        driver.findElement(By.id("pause-nightly")).click();
        wait.until(d -> "PAUSED".equals(state("nightly")));
        assertThat(driver.findElements(By.id("resume-nightly"))).hasSize(1);
        assertThat(state("hourly_orders")).isEqualTo("ACTIVE");
        Browser.screenshot(driver, "schedules-paused");
        driver.findElement(By.id("auto-q")).sendKeys("nothing-matches");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("automation-table"),
            "No asset matches these filters."));
        driver.findElement(By.id("auto-q")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#automation-table tr[data-asset='core/gmv_daily']")));
        driver.findElement(By.id("resume-nightly")).click();
        wait.until(d -> "ACTIVE".equals(state("nightly")));
    }

    @Test
    void aViewerSeesTheSchedulesWithoutButtons() throws Exception {
        loginAndOpenSchedules("vera", "vera-password");
        assertThat(driver.findElements(By.cssSelector("button.sched-action"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#schedules-table tbody tr"))).hasSize(2);
        Browser.screenshot(driver, "schedules-viewer");
    }
}
