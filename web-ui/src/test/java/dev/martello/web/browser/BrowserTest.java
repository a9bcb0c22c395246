package dev.martello.web.browser;

import dev.martello.web.TestServer;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI in real headless Chromium against a real server: lineage and a node click, catalog search, an operator
 * materializing and watching the asset turn up to date live, and a viewer without the button and with a 403.
 * Screenshots of every page go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    @TempDir
    static Path dir;
    TestServer t;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void startServer() {
        t = TestServer.start(dir, TestServer.auth());
    }

    @AfterAll
    void stopServer() {
        t.close();
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

    private void login(String user, String password) {
        driver.get(t.url("/"));
        wait.until(ExpectedConditions.urlContains("/login.html"));
        driver.findElement(By.id("user")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("login"));
    }

    private void open(String hash) {
        driver.get(t.url("/#" + hash));
    }

    @Test
    void lineageLoadsAndANodeClickOpensTheAsset() {
        login(TestServer.OPERATOR, TestServer.OPERATOR_PASSWORD);
        wait.until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-lineage-ready")));
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("3 nodes · 2 edges");
        Browser.screenshot(driver, "lineage");
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) driver.executeScript(
            "return window.martelloLineage.positionOf('core/gmv_daily')");
        new Actions(driver).moveToLocation(at.get("x").intValue(), at.get("y").intValue()).click().perform();
        wait.until(ExpectedConditions.textToBe(By.id("asset-key"), "core/gmv_daily"));
        assertThat(driver.getCurrentUrl()).endsWith("#/asset/core/gmv_daily");
        Browser.screenshot(driver, "asset");
    }

    @Test
    void catalogSearchFindsTheAsset() {
        login(TestServer.VIEWER, TestServer.VIEWER_PASSWORD);
        open("/catalog");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#catalog-table a.asset-link"), 3));
        driver.findElement(By.id("q")).sendKeys("gmv");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#catalog-table a.asset-link"), 1));
        assertThat(driver.findElement(By.cssSelector("#catalog-table a.asset-link")).getText())
            .isEqualTo("core/gmv_daily");
        driver.findElement(By.id("q")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#catalog-table a.asset-link"), 3));
        Browser.screenshot(driver, "catalog");
    }

    @Test
    void anOperatorMaterializesAndWatchesTheAssetTurnGreenLive() {
        login(TestServer.OPERATOR, TestServer.OPERATOR_PASSWORD);
        open("/asset/commerce/orders");
        wait.until(ExpectedConditions.textToBe(By.id("asset-key"), "commerce/orders"));
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        // read in the page in one go: the status re-renders in place whenever a run event arrives
        String before = (String) driver.executeScript("return document.querySelector('#staleness .pill').textContent");
        assertThat(before).as("no other test of this class materializes").isEqualTo("MISSING");
        driver.findElement(By.id("materialize")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("toast")));
        // the page is not reloaded: the run's events arrive over SSE and the status re-renders green in place
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript("""
            const p = document.querySelector('#staleness .pill');
            const toast = document.getElementById('toast');
            return p !== null && p.textContent === 'UP-TO-DATE' && p.classList.contains('UP_TO_DATE')
              && toast.textContent.startsWith('Run ');""")));
        Browser.screenshot(driver, "asset-materialized");
        // the same render shows core's freshness verdict for the new materialization, with its SLO line
        assertThat((String) driver.executeScript("return document.querySelector('#freshness-state .pill').textContent"))
            .isEqualTo("PASS");
        assertThat(driver.findElement(By.id("freshness-slo")).getText()).startsWith("7 days ");
        open("/runs");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#runs-table a.mono")));
        Browser.screenshot(driver, "runs");
        driver.findElement(By.cssSelector("#runs-table a.mono")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.gantt rect")));
        Browser.screenshot(driver, "run");
        open("/freshness");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("by-mart")));
        assertThat(driver.findElement(By.id("by-mart")).getText()).contains("commerce")
            .contains("1 asset with a freshness policy");
        Browser.screenshot(driver, "freshness");
        open("/schedules");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "No scheduler"));
        Browser.screenshot(driver, "schedules");
    }

    @Test
    void aViewerHasNoLaunchButtonAndTheApiRefusesTheLaunch() {
        login(TestServer.VIEWER, TestServer.VIEWER_PASSWORD);
        open("/asset/commerce/orders");
        wait.until(ExpectedConditions.textToBe(By.id("asset-key"), "commerce/orders"));
        assertThat(driver.findElements(By.id("materialize"))).isEmpty();
        Object status = driver.executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            fetch('/api/session').then(r => r.json()).then(me => fetch('/api/workspaces/shop/runs', {
              method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken},
              body: JSON.stringify({select: 'commerce/orders'})
            })).then(r => r.json().then(b => done([r.status, b.code])));
            """);
        assertThat(status).isEqualTo(List.of(403L, "FORBIDDEN"));
        Browser.screenshot(driver, "asset-viewer");
        driver.get(t.url("/login.html"));
        Browser.screenshot(driver, "login");
    }
}
