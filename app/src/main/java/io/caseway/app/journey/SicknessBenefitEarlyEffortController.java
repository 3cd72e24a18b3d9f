package io.caseway.app.journey;

import io.caseway.app.audit.AuditLog;
import io.caseway.app.casefile.CaseAccess;
import io.caseway.app.casefile.CaseFile;
import io.caseway.app.policy.Policy;
import io.caseway.app.security.Purpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coach starts the sickness benefit's early effort for a case: the first conversation by the end
 * of week 8 of the sickness, the employer contact, and the weekly check of the payment history for
 * the 22-week re-assessment (sickness-benefit-early-effort.bpmn). Periods come from the case's rule set.
 */
@RestController
class SicknessBenefitEarlyEffortController {
  static final String PROCESS = "sickness-benefit-early-effort";

  record Start(@NotNull @PastOrPresent LocalDate sicknessStartDate) {}

  private final CaseAccess access;
  private final Policy policy;
  private final JourneyEngine engine;

  SicknessBenefitEarlyEffortController(CaseAccess access, Policy policy, JourneyEngine engine) {
    this.access = access;
    this.policy = policy;
    this.engine = engine;
  }

  /** 202: the journey starts (call it once per sickness). */
  @PostMapping("/api/cases/{caseId}/sickness-benefit-early-effort")
  ResponseEntity<Void> start(@PathVariable UUID caseId, @Valid @RequestBody Start r) {
    CaseFile c = access.require(caseId, CaseAccess.Need.CHANGE, AuditLog.Action.WRITE, "sickness-benefit", caseId,
        Purpose.or("start the sickness benefit's early effort"));
    LocalDate on = r.sicknessStartDate();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("caseId", caseId.toString());
    vars.put("sicknessStartDate", on.toString());
    vars.put("firstConversationDeadline", policy.value(c.ruleSet(), "sickness.first-conversation-deadline", on).strip());
    vars.put("employerPaidPeriod", policy.value(c.ruleSet(), "sickness.employer-paid-period", on).strip());
    vars.put("reassessmentLookback", policy.value(c.ruleSet(), "sickness.reassessment-lookback", on).strip());
    vars.put("reassessmentCheckInterval", policy.value(c.ruleSet(), "sickness.reassessment-check-interval", on).strip());
    engine.startAfterCommit(PROCESS, vars);
    return ResponseEntity.accepted().build();
  }
}
