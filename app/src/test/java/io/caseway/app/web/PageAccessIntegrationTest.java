package io.caseway.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.casefile.Track;
import io.caseway.app.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Who may open which page: the dashboard is the managers', the processes and deployments the
 * process owners'; nobody gets a page without signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class PageAccessIntegrationTest {
  @Autowired IntegrationTestSupport support;
  @Autowired TestRestTemplate http;
  @Autowired Caseworkers caseworkers;

  @BeforeEach
  void aCoachAndAManager() {
    support.emptyCaseFile();
    support.manager();
    UUID anna = caseworkers.register(new Caseworkers.NewCaseworker("Anna Holm", "anna@x.dk", false, "Vesterbro",
        "Hovedstaden", Map.of(Track.JOB_DIRECTED, 25))).caseworkerId();
    support.user("anna", Role.COACH, anna, null, null);
  }

  @Test
  void aCoachMayNotOpenTheManagersDashboard() {
    assertThat(support.as("anna").getForEntity("/manager", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(support.as("anna").getForEntity("/", String.class).getBody()).contains("Your caseload");
  }

  @Test
  void aManagerOpensTheDashboard() {
    var page = support.as(IntegrationTestSupport.MANAGER).getForEntity("/manager", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Anna Holm").contains("0 of 25");
  }

  @Test
  void theTaskPagesAreForCaseworkersAndManagersAndAMissingTaskIsAPageNotJson() {
    assertThat(support.as("anna").getForEntity("/tasks", String.class).getBody())
        .contains("There are no tasks for your cases right now.");
    String owner = support.user("owner", Role.PROCESS_OWNER, null, null, null);
    assertThat(support.as(owner).getForEntity("/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var missing = support.as("anna").getForEntity("/tasks/2251799813685999", String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(missing.getBody()).contains("Page not found").contains("No task 2251799813685999");
  }

  @Test
  void onlyAProcessOwnerOpensTheProcessesAndDeploys() {
    support.user("per", Role.PROCESS_OWNER, null, null, null);
    for (String user : new String[] {"anna", IntegrationTestSupport.MANAGER}) {
      assertThat(support.as(user).getForEntity("/processes", String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(support.as(user).getForEntity("/processes/incidents", String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(deploy(user).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(support.as("per").getForEntity("/", String.class).getBody()).contains("Deploy new versions");
    // the same request with the process owner's session is let through (and refused by the page: not BPMN)
    assertThat(deploy("per").getStatusCode()).isEqualTo(HttpStatus.FOUND);
  }

  @Test
  void aVersionTheEngineDoesNotKnowIsAPageNotJson() {
    String owner = support.user("per", Role.PROCESS_OWNER, null, null, null);
    var missing = support.as(owner).getForEntity("/processes/2251799813685999", String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(missing.getBody()).contains("No process definition has the key 2251799813685999");
  }

  /** A deployment from the form, with the user's session and its CSRF token (taken from a page). */
  private ResponseEntity<String> deploy(String user) {
    ResponseEntity<String> page = support.as(user).getForEntity("/login", String.class);
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
    assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("_csrf", token.group(1));
    form.add("files", new ByteArrayResource("not BPMN".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "notes.txt";
      }
    });
    return support.as(user).withRedirects(Redirects.DONT_FOLLOW)
        .postForEntity("/processes/deployments", new HttpEntity<>(form, headers), String.class);
  }

  @Test
  void withoutSigningInThePagesSendYouToSignIn() {
    // the client follows the redirect to the sign-in form, which carries its CSRF token
    var page = http.getForEntity("/manager", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Sign in to Caseway").contains("name=\"_csrf\"")
        .doesNotContain("Caseloads and outcomes");
  }
}
