package io.caseway.app.referral;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The referral API's answers to bad input, without a database: each names what was wrong and where. */
@WebMvcTest(ReferralController.class)
@org.springframework.context.annotation.Import(io.caseway.app.security.SecurityConfiguration.class)
class ReferralControllerWebTest {
  static final UUID PARTNER = UUID.fromString("8a1f7d0e-3f4e-4b4e-9f7a-111111111111");
  @Autowired MockMvc mvc;
  @MockitoBean Referrals referrals;
  @MockitoBean io.caseway.app.security.CurrentUser currentUser;
  @MockitoBean io.caseway.app.audit.AuditLog audit;
  @MockitoBean ReferralRateLimit rateLimit;

  @org.junit.jupiter.api.BeforeEach
  void signedInAsThePartner() {
    when(currentUser.require()).thenReturn(new io.caseway.app.security.CasewayUser("gp",
        io.caseway.app.security.Role.HEALTH_PARTNER, "GP", null, PARTNER, null));
  }

  /** The partner's API client, signed in. */
  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder post(String path) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("gp")
            .roles("HEALTH_PARTNER"));
  }

  private static final String VALID = """
      {"partnerOrganisationId": "8a1f7d0e-3f4e-4b4e-9f7a-111111111111",
       "citizen": {"personIdentifier": "0101901234", "fullName": "Mette", "contactChannel": "PHONE"},
       "referrer": {"name": "Dr. Jensen"}, "reason": "Back pain"}""";

  @Test
  void aValidReferralIsCreatedWithItsLocation() throws Exception {
    UUID id = UUID.randomUUID();
    when(referrals.submit(anyString(), any())).thenReturn(new Referrals.Submission(
        new ReferralView(id, UUID.randomUUID(), Referral.Status.RECEIVED, List.of(), Instant.now(), null), false));

    mvc.perform(post("/api/referrals").header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
            .content(VALID))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/referrals/" + id))
        .andExpect(header().string("Idempotent-Replayed", "false"));
  }

  @Test
  void malformedJsonSaysWhere() throws Exception {
    mvc.perform(post("/api/referrals").header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"x\",\n \"citizen\": {"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("line 2")));
    verifyNoInteractions(referrals);
  }

  @Test
  void aWrongTypeNamesTheFieldPath() throws Exception {
    mvc.perform(post("/api/referrals").header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
            .content(VALID.replace("\"PHONE\"", "\"CARRIER_PIGEON\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("citizen.contactChannel"));
    verifyNoInteractions(referrals);
  }

  @Test
  void missingFieldsAreEachNamed() throws Exception {
    mvc.perform(post("/api/referrals").header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
            .content("{\"citizen\": {}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
            "citizen.contactChannel", "citizen.fullName", "citizen.personIdentifier", "partnerOrganisationId",
            "reason", "referrer")));
    verifyNoInteractions(referrals);
  }

  @Test
  void theIdempotencyKeyIsRequired() throws Exception {
    mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    verifyNoInteractions(referrals);
  }
}
