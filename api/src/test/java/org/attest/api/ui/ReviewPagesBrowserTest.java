package org.attest.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.attest.api.ApiClient;
import org.attest.api.ClinicalNotes;
import org.attest.api.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The clinician's page in real headless Chromium: sign in as {@code clinician} at the embedded issuer (OpenID
 * Connect), approve one held summary, reach the next with the keyboard shortcut and edit it, and the consumer then
 * sees both outcomes through the API; a forged form post without the CSRF token is refused.
 * Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"attest.release.threshold-override=1.0", "attest.release.qa-sample-rate=0"})
class ReviewPagesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String EDITED = "Unstable angina suspected; admitted to cardiology for serial troponin.";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry);
    }

    @LocalServerPort
    int port;

    WebDriver browser;
    Path profile;

    @BeforeEach
    void browser() throws IOException {
        profile = Files.createTempDirectory("attest-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1000",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void aClinicianSignsInApprovesOneSummaryAndEditsAnother() throws IOException {
        ApiClient api = new ApiClient(port);
        String consumer = api.token("demo-consumer");
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            held.add(api.postJson("/v1/summaries", consumer, ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI))
                    .json()
                    .path("id")
                    .asString());
        }

        browser.get("http://127.0.0.1:" + port + "/ui/reviews");
        assertThat(browser.getCurrentUrl()).contains("/issuer/login");
        screenshot("1-issuer-login");
        browser.findElement(By.id("username")).sendKeys("clinician");
        browser.findElement(By.id("password")).sendKeys("clinician-password");
        signIn();

        assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:" + port + "/ui/reviews");
        assertThat(browser.findElements(By.cssSelector("tr.queue-item"))).hasSize(2);
        String page = browser.getPageSource();
        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(page).doesNotContain(phi));
        screenshot("2-queue");
        Object forged = ((ChromeDriver) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/ui/reviews/next', {method: 'POST', credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(r => done(r.status));");
        assertThat(forged)
                .as("a signed-in POST without the CSRF token is refused")
                .isEqualTo(403L);

        browser.findElement(By.id("review-next")).click();
        assertThat(browser.findElement(By.id("item-status")).getText()).isEqualTo("CLAIMED");
        assertThat(browser.findElement(By.id("source")).getText()).contains("chest pain");
        assertThat(browser.findElement(By.id("edit-text")).getAttribute("id"))
                .as("the edit box has its label")
                .isEqualTo(browser.findElement(By.cssSelector("label[for=edit-text]"))
                        .getAttribute("for"));
        screenshot("3-item");
        browser.findElement(By.id("approve")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Approved");

        new Actions(browser).keyDown(Keys.ALT).sendKeys("n").keyUp(Keys.ALT).perform();
        WebElement text = browser.findElement(By.id("edit-text"));
        text.clear();
        text.sendKeys(EDITED);
        browser.findElement(By.cssSelector("#edit-reason option[value=OMISSION]"))
                .click();
        screenshot("4-editing");
        browser.findElement(By.id("edit")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Edited");
        assertThat(browser.findElements(By.cssSelector("tr.queue-item"))).isEmpty();
        screenshot("5-queue-empty");

        Map<String, JsonNode> seen = held.stream()
                .collect(Collectors.toMap(
                        id -> id, id -> api.get("/v1/summaries/" + id, consumer).json()));
        assertThat(seen.values()).allSatisfy(summary -> {
            assertThat(summary.path("status").asString()).isEqualTo("RELEASED");
            assertThat(summary.path("decidedBy").asString()).startsWith("reviewer-");
        });
        assertThat(seen.values())
                .extracting(summary -> summary.path("reviewOutcome").asString())
                .containsExactlyInAnyOrder("APPROVED", "EDITED");
        assertThat(seen.values())
                .filteredOn(summary -> summary.path("reviewOutcome").asString().equals("EDITED"))
                .singleElement()
                .satisfies(summary ->
                        assertThat(summary.path("summary").asString()).isEqualTo(EDITED));
    }

    @Test
    void aComplianceOfficerReadsTheReportAndVerifiesTheChainWhichAClinicianMayNot() throws IOException {
        signIn("/ui/audit", "compliance");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit report");
        assertThat(browser.findElement(By.id("events-by-type")).getText()).contains("AUDIT_EXPORTED");
        browser.findElement(By.id("verify")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .startsWith("The chain is intact");
        screenshot("6-audit-report");

        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/issuer/login");
        browser.manage().deleteAllCookies();
        signIn("/ui/reviews", "clinician");
        browser.get("http://127.0.0.1:" + port + "/ui/audit");
        assertThat(browser.findElements(By.id("verify")))
                .as("a clinician has no audit role")
                .isEmpty();
        browser.get("http://127.0.0.1:" + port + "/ui/reviews");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");
    }

    private void signIn(String page, String user) {
        browser.get("http://127.0.0.1:" + port + page);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-password");
        signIn();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Submits the issuer's login form and waits for the redirects back to the application (a loaded CI machine). */
    private void signIn() {
        browser.findElement(By.id("sign-in")).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (browser.getCurrentUrl().contains("/issuer/login")
                && !browser.getCurrentUrl().contains("error")
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
