package dev.martello.bench;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lineage page with N assets (default 5,000) in Debian's headless Chromium: time from navigation start to the
 * first paint of the graph, after which it pans, zooms and answers clicks ({@code performance.now()} when the
 * canvas first drew, i.e. fetch of the laid-out graph and the status overlay, parse, and draw). Each sample is a
 * fresh page load in a fresh browser tab; the first load (server layout cache cold) is reported apart.
 *
 * <p>{@code java -cp … dev.martello.bench.LineagePageBenchmark 5000}
 */
public final class LineagePageBenchmark {
    private LineagePageBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900");
        try (UiBenchServer s = UiBenchServer.start(n)) {
            ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
            try {
                List<Double> times = new ArrayList<>();
                double first = 0;
                for (int i = 0; i <= samples; i++) {
                    driver.get("about:blank");
                    driver.get(s.url("/#/lineage"));
                    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                        d.findElement(org.openqa.selenium.By.tagName("body")).getDomAttribute("data-lineage-ready")
                            != null);
                    double t = ((Number) driver.executeScript("return window.__lineageFirstPaint")).doubleValue();
                    String count = driver.findElement(org.openqa.selenium.By.id("count")).getText();
                    if (i == 0) {
                        first = t;
                        System.err.println("page shows: " + count);
                    } else {
                        times.add(t);
                    }
                }
                Percentiles p = new Percentiles(times);
                System.out.printf("| %,d | %.0f | %.0f | %.0f | %.0f |%n", n, first, p.median(), p.min(), p.max());
            } finally {
                driver.quit();
            }
        }
    }
}
