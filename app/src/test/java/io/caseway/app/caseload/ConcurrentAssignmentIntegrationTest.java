package io.caseway.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.caseway.app.IntegrationTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 50 referrals at once against coaches with caps: no coach goes over their cap; the rest wait, and a
 * new coach's places go to those who waited longest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class ConcurrentAssignmentIntegrationTest {
  @Autowired TestRestTemplate http;
  @Autowired IntegrationTestSupport support;
  @Autowired CamundaClient camunda;
  @Autowired JdbcTemplate jdbc;
  UUID partner;

  @BeforeEach
  void setUp() {
    support.reset();
    partner = support.gpPractice();
  }

  private UUID caseworker(String email, boolean socialWork, int cap) {
    JsonNode created = support.as(support.manager()).postForObject("/api/caseworkers", Map.of("name", email, "email", email,
        "socialWorkQualified", socialWork, "district", "Vesterbro", "region", "Hovedstaden",
        "caps", Map.of("INTERDISCIPLINARY_UNIT", cap, "JOB_DIRECTED", cap)), JsonNode.class);
    return UUID.fromString(created.get("caseworkerId").asText());
  }

  @Test
  void fiftyConcurrentReferralsNeverPutACoachOverTheCap() throws Exception {
    UUID anna = caseworker("anna@caseway.test", true, 10);
    UUID ben = caseworker("ben@caseway.test", true, 10);
    UUID carl = caseworker("carl@caseway.test", false, 50); // may not take interdisciplinary cases

    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<HttpStatus>> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String person = "P" + (1000 + i);
      answers.add(pool.submit(() -> {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "k-" + person);
        Map<String, Object> body = Map.of("partnerOrganisationId", partner,
            "citizen", Map.of("personIdentifier", person, "fullName", "Citizen " + person, "contactChannel", "EMAIL"),
            "referrer", Map.of("name", "Dr. Holm"), "reason", "Depression, out of work for a year",
            "needs", List.of("MENTAL_HEALTH"));
        return (HttpStatus) support.as(IntegrationTestSupport.GP).postForEntity("/api/referrals", new HttpEntity<>(body, headers), JsonNode.class)
            .getStatusCode();
      }));
    }
    for (Future<HttpStatus> answer : answers) {
      assertThat(answer.get()).isEqualTo(HttpStatus.CREATED);
    }
    pool.shutdown();

    // every intake ends up either at the first conversation with its coach, or on the waiting list
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      assertThat(camunda.newUserTaskSearchRequest().filter(f -> f.elementId("UserTask_FirstConversation"))
          .page(p -> p.limit(100)).send().join().items()).hasSize(20);
      assertThat(support.count("waiting_list_entry")).isEqualTo(30);
    });

    Map<UUID, Integer> active = new java.util.HashMap<>();
    jdbc.query("select caseworker_id, count(*) from case_file where status = 'ACTIVE' group by caseworker_id",
        rs -> {
          active.put(UUID.fromString(rs.getString(1)), rs.getInt(2));
        });
    assertThat(active).containsOnlyKeys(anna, ben);
    assertThat(active.get(anna)).isEqualTo(10);
    assertThat(active.get(ben)).isEqualTo(10);
    assertThat(active).doesNotContainKey(carl);
    assertThat(support.count("waiting_list_entry")).isEqualTo(30);
    assertThat(jdbc.queryForList("select active_count from caseload where track = 'INTERDISCIPLINARY_UNIT'"
        + " and caseworker_id in (?, ?)", Integer.class, anna, ben)).containsOnly(10);

    // a new qualified coach with five places: the five cases that waited longest get her
    UUID dora = caseworker("dora@caseway.test", true, 5);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(support.count("waiting_list_entry")).isEqualTo(25);
      assertThat(jdbc.queryForObject("select count(*) from case_file where caseworker_id = ?", Integer.class, dora))
          .isEqualTo(5);
    });
  }
}
