package io.caseway.app.plan;

import io.caseway.app.shared.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A case's plans: drafts and the plan in force. */
@RestController
class PlanController {
  record ItemRequest(@NotNull PlanItem.Kind kind, @NotBlank @Size(max = 500) String description, LocalDate dueDate) {}

  record PlanRequest(@NotNull Plan.Type type, @NotEmpty @Size(max = 50) List<@NotNull @Valid ItemRequest> items) {}

  record PlanView(UUID planId, UUID caseId, Plan.Type type, Plan.Status status, List<PlanItem> items,
      Instant createdAt, Instant activatedAt, Instant endedAt, long version) {
    static PlanView of(Plan p) {
      return new PlanView(p.id(), p.caseId(), p.type(), p.status(), p.items(), p.createdAt(),
          p.activatedAt().orElse(null), p.endedAt().orElse(null), p.version());
    }
  }

  private final Plans plans;
  private final io.caseway.app.casefile.CaseAccess access;

  PlanController(Plans plans, io.caseway.app.casefile.CaseAccess access) {
    this.plans = plans;
    this.access = access;
  }

  @PostMapping("/api/cases/{caseId}/plans")
  ResponseEntity<PlanView> draft(@PathVariable UUID caseId, @Valid @RequestBody PlanRequest r) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "plan", caseId, io.caseway.app.security.Purpose.or("draft a plan"));
    Plan p = plans.draft(caseId, r.type(), r.items().stream()
        .map(i -> new PlanItem(i.kind(), i.description().strip(), i.dueDate())).toList());
    return ResponseEntity.created(URI.create("/api/plans/" + p.id())).eTag(ETags.of(p.version())).body(PlanView.of(p));
  }

  @GetMapping("/api/cases/{caseId}/plans")
  List<PlanView> ofCase(@PathVariable UUID caseId) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.READ, io.caseway.app.audit.AuditLog.Action.READ, "plan", caseId, io.caseway.app.security.Purpose.or("read the plans"));
    return plans.ofCase(caseId).stream().map(PlanView::of).toList();
  }

  @PostMapping("/api/plans/{planId}/activation")
  ResponseEntity<PlanView> activate(@PathVariable UUID planId, @RequestHeader("If-Match") String ifMatch) {
    access.require(plans.caseOfPlan(planId), io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "plan", planId, io.caseway.app.security.Purpose.or("put a plan in force"));
    Plan p = plans.activate(planId, ETags.version(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(p.version())).body(PlanView.of(p));
  }
}
