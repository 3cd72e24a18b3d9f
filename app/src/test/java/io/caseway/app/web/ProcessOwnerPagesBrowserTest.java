package io.caseway.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process owner's pages in a real browser ({@link PageBrowser}): the processes with their
 * versions, a deployment from the form (and a refused one), a version's diagram with counts on its
 * elements, and an incident retried. axe-core runs in every page; with {@code -Dscreenshots=true}
 * the pages are saved to {@code docs/screenshots/process-owner-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class ProcessOwnerPagesBrowserTest {
  static final String PROCESS_OWNER = "per";
  static final String PAYMENT = "po-test-grant-payment";
  static final String PAY_JOB = "po-test-pay-grant";

  @LocalServerPort int port;
  @Autowired IntegrationTestSupport support;
  @Autowired CamundaClient camunda;
  @Autowired JdbcTemplate jdbc;

  PageBrowser pages;
  WebDriver browser;
  Path files;

  @BeforeEach
  void theJourneysAndAProcessOwner() throws IOException {
    support.reset();
    support.user(PROCESS_OWNER, Role.PROCESS_OWNER, null, null, null);
    files = Files.createTempDirectory("caseway-deployments-");
    pages = PageBrowser.start(port);
    browser = pages.driver();
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (pages != null) {
      pages.close();
    }
    try (var all = Files.walk(files)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aProcessOwnerSeesTheProcessesAndDeploysANewVersion() throws IOException {
    int before = latestVersion("roundtable-meeting");
    pages.open("/");
    pages.signIn(PROCESS_OWNER);
    assertThat(browser.getCurrentUrl()).endsWith("/processes");
    assertThat(main()).contains("Roundtable meeting").contains("roundtable-meeting.bpmn")
        .contains("Version " + before).contains("Referral intake");
    assertThat(browser.findElements(By.cssSelector(".govuk-error-summary, .govuk-notification-banner"))).isEmpty();

    // a changed copy of the roundtable meeting becomes its next version
    String bpmn = resource("caseway/processes/roundtable-meeting.bpmn")
        .replace("name=\"Roundtable meeting\"", "name=\"Roundtable meeting (revised)\"");
    upload(file("roundtable-meeting.bpmn", bpmn));
    assertThat(browser.getCurrentUrl()).endsWith("/processes");
    assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
        .contains("roundtable-meeting.bpmn: process roundtable-meeting, version " + (before + 1));
    WebElement roundtable = browser.findElement(By.id("process-roundtable-meeting"));
    assertThat(roundtable.getText()).contains("Roundtable meeting (revised)");
    assertThat(main()).contains("Version " + (before + 1)).contains("Version " + before);
    assertThat(latestVersion("roundtable-meeting")).isEqualTo(before + 1);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where record_type = 'deployment' and actor = ?",
        Long.class, PROCESS_OWNER)).isEqualTo(1);
    pages.checkAccessibility("process-owner-definitions");

    // a file that is not BPMN: the engine's reason, and nothing deployed
    upload(file("roundtable-meeting.bpmn", "<definitions>this is not BPMN</definitions>"));
    WebElement summary = browser.findElement(By.cssSelector(".govuk-error-summary"));
    assertThat(summary.getText()).contains("Nothing was deployed").contains("The engine deployed nothing:");
    assertThat(browser.getTitle()).startsWith("Error:");
    assertThat(latestVersion("roundtable-meeting")).isEqualTo(before + 1);
    pages.checkAccessibilityOnly("process-owner-deploy-error");

    // a file of another kind is refused before it reaches the engine
    upload(file("notes.txt", "Remember the roundtable"));
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("notes.txt is not a BPMN, DMN or form file");
  }

  @Test
  void aVersionsPageDrawsItsDiagramWithTheCountsOnItsElements() {
    long key = deployPayment();
    camunda.newCreateInstanceCommand().processDefinitionKey(key).send().join();
    camunda.newCreateInstanceCommand().processDefinitionKey(key).send().join();
    failOnePayment();

    pages.open("/processes");
    pages.signIn(PROCESS_OWNER);
    browser.findElement(By.cssSelector("#process-" + PAYMENT + " a[href$='/processes/" + key + "']")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/processes/" + key);
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Pay the grant").contains("version 1");

    WebElement pay = browser.findElement(By.cssSelector("#elements tr[data-element-id='ServiceTask_Pay']"));
    assertThat(pay.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .containsExactly("ServiceTask_Pay", "Service task", "1", "1", "0");
    assertThat(browser.findElements(By.cssSelector(".djs-container svg"))).isNotEmpty();
    // the viewer shows its overlays once the drawing has settled in the viewport
    WebElement counts = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
      WebElement c = d.findElement(By.cssSelector(".djs-overlays[data-container-id='ServiceTask_Pay'] .caseway-counts"));
      return c.isDisplayed() ? c : null;
    });
    assertThat(counts.findElement(By.cssSelector(".caseway-badge--active")).getText()).isEqualTo("1");
    assertThat(counts.findElement(By.cssSelector(".caseway-badge--incident")).getText()).isEqualTo("1");
    pages.checkAccessibility("process-owner-diagram");
  }

  @Test
  void anIncidentIsListedAndRetryResolvesIt() {
    long key = deployPayment();
    camunda.newCreateInstanceCommand().processDefinitionKey(key).send().join();
    failOnePayment();

    pages.open("/processes/incidents");
    pages.signIn(PROCESS_OWNER);
    assertThat(browser.getCurrentUrl()).contains("/processes/incidents");
    WebElement row = browser.findElement(By.cssSelector("table.caseway-incidents tbody tr"));
    assertThat(row.getText()).contains("Pay the grant (version 1)").contains("Pay (ServiceTask_Pay)")
        .contains("A task failed and has no retries left").contains("The payment service did not answer");
    pages.checkAccessibility("process-owner-incidents");

    String retry = row.findElement(By.tagName("form")).getAttribute("action");
    row.findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
        .contains("ServiceTask_Pay of " + PAYMENT + " is being tried again");
    assertThat(main()).contains("There are no open incidents.");
    // the job has its retry: a worker gets it again
    assertThat(activatePayment()).isNotNull();

    // the same retry again (a second tab, say): the incident is resolved, so the engine refuses
    ((JavascriptExecutor) browser).executeScript("""
        const form = document.createElement('form');
        form.method = 'post';
        form.action = arguments[0];
        form.appendChild(document.querySelector('input[name=_csrf]').cloneNode());
        document.body.appendChild(form);
        form.submit();
        """, retry);
    WebElement summary = browser.findElement(By.cssSelector(".govuk-error-summary"));
    assertThat(summary.getText()).contains("The incident was not retried").contains("The engine did not retry incident");
    pages.checkAccessibilityOnly("process-owner-retry-error");
  }

  private long deployPayment() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PAYMENT).name("Pay the grant")
        .startEvent("StartEvent_Granted").name("Granted")
        .serviceTask("ServiceTask_Pay").name("Pay").zeebeJobType(PAY_JOB)
        .endEvent("EndEvent_Paid").name("Paid")
        .done();
    return camunda.newDeployResourceCommand().addProcessModel(model, PAYMENT + ".bpmn").send().join()
        .getProcesses().getFirst().getProcessDefinitionKey();
  }

  /** A worker takes one payment job and fails it with no retries left: an incident. */
  private void failOnePayment() {
    ActivatedJob job = activatePayment();
    assertThat(job).as("a payment job").isNotNull();
    camunda.newFailCommand(job.getKey()).retries(0).errorMessage("The payment service did not answer")
        .send().join();
    Instant until = Instant.now().plusSeconds(10);
    while (camunda.newIncidentSearchRequest().filter(f -> f.processDefinitionId(PAYMENT)).send().join()
        .items().isEmpty()) {
      assertThat(Instant.now()).as("the incident is searchable within 10 s").isBefore(until);
      sleep();
    }
  }

  private ActivatedJob activatePayment() {
    Instant until = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(until)) {
      List<ActivatedJob> jobs = camunda.newActivateJobsCommand().jobType(PAY_JOB).maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(5)).send().join().getJobs();
      if (!jobs.isEmpty()) {
        return jobs.getFirst();
      }
      sleep();
    }
    return null;
  }

  private int latestVersion(String processId) {
    return camunda.newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(processId).isLatestVersion(true))
        .send().join().items().getFirst().getVersion();
  }

  private void upload(Path file) {
    browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("form[action$='/processes/deployments'] button[type=submit]")).click();
  }

  private Path file(String name, String content) throws IOException {
    Path dir = Files.createDirectories(files.resolve(String.valueOf(System.nanoTime())));
    return Files.writeString(dir.resolve(name), content);
  }

  private String main() {
    return browser.findElement(By.tagName("main")).getText();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = ProcessOwnerPagesBrowserTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path + " on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
