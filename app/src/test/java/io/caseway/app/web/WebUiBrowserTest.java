package io.caseway.app.web;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.JourneyCases;
import io.caseway.app.JourneyCases.CaseInJourney;
import io.caseway.app.caseload.Assignments;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.Track;
import io.caseway.app.citizen.ContactChannel;
import io.caseway.app.outcome.Outcomes;
import io.caseway.app.referral.ReferralRequest;
import io.caseway.workers.OutcomeRecords;
import io.caseway.app.referral.Referrals;
import io.caseway.app.security.Role;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real browser ({@link PageBrowser}: the system's headless Chromium). A coach signs
 * in through the form, finds their case on Today (and not a colleague's), opens it and writes a
 * journal note; a manager sees the dashboard. axe-core runs in every page and no serious or critical violation may be found. With
 * {@code -Dscreenshots=true} each page is saved to {@code docs/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class WebUiBrowserTest {
  @LocalServerPort int port;
  @Autowired IntegrationTestSupport support;
  @Autowired Referrals referrals;
  @Autowired CaseFiles cases;
  @Autowired Caseworkers caseworkers;
  @Autowired Assignments assignments;
  @Autowired Outcomes outcomes;
  @Autowired CamundaProcessTestContext processTestContext;

  PageBrowser pages;
  WebDriver browser;
  UUID annasCase;
  UUID bensCase;
  UUID waiting;
  UUID anna;

  @BeforeEach
  void casesForTwoCoaches() throws IOException {
    support.emptyCaseFile();
    UUID partner = support.gpPractice();
    support.manager();
    anna = caseworkers.register(new Caseworkers.NewCaseworker("Anna Holm", "anna@x.dk", false, "Vesterbro",
        "Hovedstaden", Map.of(Track.JOB_DIRECTED, 25))).caseworkerId();
    UUID ben = caseworkers.register(new Caseworkers.NewCaseworker("Ben Berg", "ben@x.dk", false, "Nørrebro",
        "Hovedstaden", Map.of())).caseworkerId();
    support.user("anna", Role.COACH, anna, null, null);
    support.user("ben", Role.COACH, ben, null, null);
    // eleven months on cash benefit: the one-year clarification deadline is within 60 days
    annasCase = openCase(partner, "0707901234", "Mette", LocalDate.now().minusMonths(11), anna);
    bensCase = openCase(partner, "0808901234", "Lars", LocalDate.now().minusMonths(2), ben);
    waiting = openCase(partner, "0909901234", "Karin", LocalDate.now().minusMonths(1), null);
    assignments.place(waiting.toString(), "job-directed"); // on the waiting list
    pages = PageBrowser.start(port);
    browser = pages.driver();
  }

  private UUID openCase(UUID partner, String personId, String name, LocalDate benefitStart, UUID caseworker) {
    var submitted = referrals.submit(UUID.randomUUID().toString(), new ReferralRequest(partner,
        new ReferralRequest.CitizenDetails(personId, name, "da", ContactChannel.PHONE, null, null, null),
        new ReferralRequest.Referrer("Dr. Jensen", "GP"), "Back pain", List.of(), List.of(), List.of(),
        new ReferralRequest.Benefit("cash-benefit", benefitStart)));
    UUID caseId = UUID.fromString(cases.openCase(submitted.referral().referralId().toString(), "job-directed"));
    if (caseworker != null) {
      assertThat(assignments.take(caseId.toString(), caseworker.toString())).isTrue();
    }
    return caseId;
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (pages != null) {
      pages.close();
    }
  }

  @Test
  void aCoachSignsInSeesTodayOpensTheCaseAndWritesANote() {
    open("/");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    checkAccessibility("sign-in");
    signIn("anna");

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Today");
    String today = browser.findElement(By.tagName("main")).getText();
    assertThat(today).contains("Case " + annasCase.toString().substring(0, 8)).contains("At risk")
        .contains("1 case has a clarification deadline within 60 days")
        .contains("Job directed: 1 of 25 cases")
        .contains("Newest referrals").contains("referred by Nørrebro GP practice, Dr. Jensen (GP)")
        .doesNotContain("Case " + bensCase.toString().substring(0, 8));
    checkAccessibility("coach-today");

    browser.findElement(By.linkText("Case " + annasCase.toString().substring(0, 8))).click();
    assertThat(browser.getCurrentUrl()).endsWith("/cases/" + annasCase);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("About the case").contains("Active")
        .contains("Plan in force").contains("No plan is in force yet").contains("Journal");
    browser.findElement(By.id("note-body")).sendKeys("Talked about ten hours a week in a bakery");
    browser.findElement(By.cssSelector("form[action$='/journal-notes'] button[type=submit]")).click();

    assertThat(browser.getCurrentUrl()).contains("/cases/" + annasCase);
    String casePage = browser.findElement(By.tagName("main")).getText();
    assertThat(casePage).contains("Your note is saved.").contains("Talked about ten hours a week in a bakery")
        .containsIgnoringCase("anna");
    checkAccessibility("coach-case");

    open("/cases/" + bensCase);
    assertThat(browser.getPageSource()).doesNotContain("About the case");
  }

  @Test
  void aCoachCompletesTheJourneysTasksInTheirFormsAndSeesTheCaseMoveOn() {
    support.reset();
    CaseInJourney c = JourneyCases.inClarification(support, processTestContext, support.gpPractice(),
        LocalDate.now(ZoneOffset.UTC).minusMonths(10));
    String coach = support.coach(c.caseworkerId(), true);
    String caseLabel = "Case " + c.caseId().toString().substring(0, 8);
    open("/login");
    signIn(coach);

    // the inbox and Today list the clarification's first task; its form is the one Tasklist shows
    open("/tasks");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Assess work capacity")
        .contains("Clarification guarantee").contains(caseLabel).contains("Nobody yet");
    checkAccessibility("coach-tasks");
    open("/");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Assess work capacity").contains(caseLabel);
    browser.findElement(By.linkText("Assess work capacity")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Assess work capacity");
    assertThat(browser.findElement(By.cssSelector("label[for='field-workCapacitySummary']")).getText())
        .isEqualTo("What the citizen can do, and with what support");
    checkAccessibility("coach-task-form");

    // nothing filled in: the form says what is missing, and nothing reaches the engine
    submitTask();
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("There is a problem")
        .contains("Choose an answer for \u201cWork capacity\u201d");
    checkAccessibility("coach-task-form-errors");
    assertThat(ProcessInstanceSelectors.byProcessId("clarification-guarantee"))
        .hasActiveElements("UserTask_AssessWorkCapacity");

    browser.findElement(By.id("field-workCapacitySummary")).sendKeys("Unclear how many hours; back pain");
    browser.findElement(By.cssSelector("input[name='field.workCapacity'][value='unclear']")).click();
    browser.findElement(By.id("field-roundtableNeeded")).click();
    submitTask();

    // back on the case: the task is done and the roundtable's first task is waiting
    assertThat(browser.getCurrentUrl()).contains("/cases/" + c.caseId());
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("\u201cAssess work capacity\u201d is done.");
    waitForTaskOnCase("Collect the citizen's health self-assessment");
    checkAccessibility("coach-case-tasks");
    browser.findElement(By.linkText("Collect the citizen's health self-assessment")).click();
    browser.findElement(By.id("field-healthInOwnWords")).sendKeys("Back pain makes long days hard");
    browser.findElement(By.cssSelector("input[name='field.workAbilityToday'][value='few-hours']")).click();
    // the companion's name is asked only once the citizen wants to bring someone (the form's FEEL condition)
    assertThat(browser.findElements(By.id("field-companionName"))).isEmpty();
    clickAndWaitForTheQuestions(By.id("field-bringingCompanion"));
    browser.findElement(By.id("field-companionName")).sendKeys("Jens");
    submitTask();

    waitForTaskOnCase("Schedule the meeting");
    browser.findElement(By.linkText("Schedule the meeting")).click();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("arguments[0].value = '2027-01-12'", browser.findElement(By.id("field-meetingStart")));
    js.executeScript("arguments[0].value = '09:30'", browser.findElement(By.id("field-meetingStart-time")));
    browser.findElement(By.id("field-meetingPlace")).sendKeys("Jobcentre, room 2");
    clickAndWaitForTheQuestions(By.cssSelector("input[name='field.participantRoles'][value='citizen']"));
    clickAndWaitForTheQuestions(By.cssSelector("input[name='field.participantRoles'][value='caseworker']"));
    assertThat(browser.findElement(By.id("field-meetingPlace")).getAttribute("value")).isEqualTo("Jobcentre, room 2");
    checkAccessibility("coach-task-schedule");
    submitTask();

    // no health coordinator or doctor: the journey sends the scheduling back, and its form says why
    waitForTaskOnCase("Schedule the meeting");
    browser.findElement(By.linkText("Schedule the meeting")).click();
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("The meeting could not be scheduled: A health coordinator or a doctor must take part in the meeting.");
    assertThat(ProcessInstanceSelectors.byProcessId("roundtable-meeting"))
        .hasCompletedElements("UserTask_CollectSelfAssessment", "IntermediateThrowEvent_SchedulingRefused")
        .hasVariable("workAbilityToday", "few-hours").hasVariable("bringingCompanion", true)
        .hasVariable("companionName", "Jens").hasVariable("meetingPlace", "Jobcentre, room 2")
        .hasVariable("participantRoles", List.of("citizen", "caseworker"));

    // a manager may read the case, but the coaches' task is not theirs to open
    String task = browser.getCurrentUrl();
    browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
    open("/login");
    signIn(IntegrationTestSupport.MANAGER);
    browser.get(task);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("You cannot open this page")
        .contains("This task is for the caseworkers team; it is not one of yours")
        .doesNotContain("Jobcentre, room 2");
    checkAccessibility("error-not-yours");
  }

  /** Clicks an answer other questions depend on; the page asks the server which questions to show (htmx). */
  private void clickAndWaitForTheQuestions(By answer) {
    WebElement element = browser.findElement(answer);
    element.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
  }

  /** Submits the task's form and waits for the next page. */
  private void submitTask() {
    WebElement button = browser.findElement(By.cssSelector("main form button.govuk-button:not(.govuk-button--secondary)"));
    button.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
  }

  /** The case page lists the task once the engine has created it (it may take a moment after the last one). */
  private void waitForTaskOnCase(String task) {
    new WebDriverWait(browser, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(300)).until(d -> {
      if (!d.findElements(By.linkText(task)).isEmpty()) {
        return true;
      }
      d.navigate().refresh();
      return false;
    });
  }

  @Test
  void aManagerSeesDeadlinesCaseloadsAndOutcomesAndTheDashboardFollowsWhatHappens() {
    open("/login");
    signIn(IntegrationTestSupport.MANAGER);
    assertThat(browser.getCurrentUrl()).endsWith("/manager");
    String page = browser.findElement(By.tagName("main")).getText();
    // Anna's case is eleven months on cash benefit with no plan: at risk, not missed yet
    assertThat(page).contains("Caseloads and outcomes").contains("0\nclarification deadlines missed, no plan yet")
        .contains("1\ndeadlines within 60 days, no plan yet").contains("1\nwaiting for a caseworker")
        .contains("Anna Holm").contains("1 of 25").contains("Ben Berg")
        .contains("By district: active cases against the caseworkers' caps together")
        .contains("No outcomes recorded since");
    assertThat(browser.findElement(By.id("deadlines")).findElement(By.xpath("following-sibling::table[2]")).getText())
        .contains("Case " + annasCase.toString().substring(0, 8)).contains("At risk").contains("Anna Holm")
        .doesNotContain("Case " + bensCase.toString().substring(0, 8));
    assertThat(browser.findElements(By.cssSelector("svg[role=img]"))).isEmpty();
    checkAccessibility("manager-dashboard-before");

    // the waiting case gets a caseworker, and Anna's citizen starts work
    assertThat(assignments.take(waiting.toString(), anna.toString())).isTrue();
    outcomes.record(annasCase.toString(), OutcomeRecords.OutcomeType.INTO_WORK, LocalDate.now(ZoneOffset.UTC), null);
    browser.navigate().refresh();

    page = browser.findElement(By.tagName("main")).getText();
    assertThat(page).contains("0\nwaiting for a caseworker").contains("Nobody is waiting.").contains("2 of 25")
        .contains("1\ninto work since");
    WebElement chart = browser.findElement(By.cssSelector("svg[role=img][aria-labelledby^='district-chart']"));
    assertThat(chart.findElements(By.tagName("text")).stream().map(WebElement::getText))
        .contains("Vesterbro", "Into work", "1");
    assertThat(chart.findElements(By.cssSelector("rect title")).stream()
        .map(t -> t.getAttribute("textContent"))).contains("Into work: 1", "In work after 13 weeks: 0");
    checkAccessibility("manager-dashboard");
  }

  private void open(String path) {
    pages.open(path);
  }

  private void signIn(String username) {
    pages.signIn(username);
  }

  private void checkAccessibility(String name) {
    pages.checkAccessibility(name);
  }
}
