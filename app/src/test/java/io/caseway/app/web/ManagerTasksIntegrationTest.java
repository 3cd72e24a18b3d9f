package io.caseway.app.web;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.JourneyCases;
import io.caseway.app.casefile.Track;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The managers' tasks: a referral nobody has room for waits, and after the policy's five days the
 * managers get "Find room for the waiting case" in their inbox, with its form; a coach cannot open it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class ManagerTasksIntegrationTest {
  private static final Pattern TASK_LINK = Pattern.compile("href=\"/tasks/(\\d+)\"");

  @Autowired IntegrationTestSupport support;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired Caseworkers caseworkers;

  @Test
  void aCaseWaitingTooLongGivesTheManagersATaskWithItsForm() {
    support.reset();
    UUID partner = support.gpPractice();
    String manager = support.manager();
    // no caseworker has room (none is registered yet): the new case has to wait
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", "waiting-case");
    String partnerClient = support.user("partner-" + partner, Role.HEALTH_PARTNER, null, partner, null);
    var referred = support.as(partnerClient).exchange("/api/referrals", HttpMethod.POST,
        new HttpEntity<>(JourneyCases.referral(partner, "0505901234", List.of()), headers), JsonNode.class);
    assertThat(referred.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(ProcessInstanceSelectors.byProcessId("referral-intake")).hasActiveElements("ReceiveTask_WaitForCoach");
    assertThat(support.as(manager).getForEntity("/tasks", String.class).getBody())
        .contains("There are no tasks for your cases right now.");

    processTestContext.increaseTime(Duration.ofDays(6));
    assertThat(ProcessInstanceSelectors.byProcessId("referral-intake")).hasActiveElements("UserTask_FollowUpWaitingList");

    String inbox = support.as(manager).getForEntity("/tasks", String.class).getBody();
    assertThat(inbox).contains("Find room for the waiting case").contains("Nobody yet");
    Matcher link = TASK_LINK.matcher(inbox);
    assertThat(link.find()).isTrue();
    var page = support.as(manager).getForEntity("/tasks/" + link.group(1), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Find room for the waiting case").contains("name=\"field.")
        .contains("Complete the task");

    // a coach (registered now, so the case may even become theirs) cannot open the managers' task
    UUID ben = caseworkers.register(new Caseworkers.NewCaseworker("Ben Berg", "ben@x.dk", false, "Nørrebro",
        "Hovedstaden", Map.of(Track.JOB_DIRECTED, 25))).caseworkerId();
    String coach = support.user("ben", Role.COACH, ben, null, null);
    var coachTries = support.as(coach).getForEntity("/tasks/" + link.group(1), String.class);
    assertThat(coachTries.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(coachTries.getBody()).contains("You cannot open this page");
  }
}
