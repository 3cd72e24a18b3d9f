package io.caseway.app.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import io.caseway.app.shared.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coaches read and change cases. A change names the version it was based on in {@code If-Match}
 * (the {@code ETag} of the read); if someone changed the case meanwhile, the answer is 409 and
 * nothing is written.
 */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseController {
  record BenefitChange(@NotBlank @Size(max = 40) String benefitType, @NotNull @PastOrPresent LocalDate startDate) {}

  record Closure(LastingSolution lastingSolution) {}

  record Share(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String reason) {}

  private final CaseFiles cases;
  private final CaseAccess access;
  private final io.caseway.app.security.CurrentUser currentUser;
  private final io.caseway.app.audit.AuditLog audit;

  CaseController(CaseFiles cases, CaseAccess access, io.caseway.app.security.CurrentUser currentUser,
      io.caseway.app.audit.AuditLog audit) {
    this.cases = cases;
    this.access = access;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /**
   * One page of cases; {@code size} at most 100. A caseworker searches their own caseload, a
   * citizen their own cases; a manager searches all (case facts only).
   */
  @GetMapping
  CaseFiles.CasePage search(@RequestParam(required = false) UUID caseworkerId, @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Track track, @RequestParam(required = false) UUID citizenId,
      @RequestParam(required = false) LocalDate clarificationDeadlineBefore,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var me = currentUser.require();
    UUID onlyCaseworker = caseworkerId;
    UUID onlyCitizen = citizenId;
    if (me.role().isCaseworker()) {
      onlyCaseworker = me.caseworkerId();
    } else if (me.role() == io.caseway.app.security.Role.CITIZEN) {
      onlyCitizen = me.citizenId();
    }
    audit.record(me, io.caseway.app.audit.AuditLog.Action.SEARCH, "cases", null, onlyCitizen,
        io.caseway.app.security.Purpose.or("search cases"), true);
    return cases.search(new CaseSearch(onlyCaseworker, status, track, onlyCitizen, clarificationDeadlineBefore), page,
        size);
  }

  @GetMapping("/{caseId}")
  ResponseEntity<CaseView> get(@PathVariable UUID caseId) {
    access.require(caseId, CaseAccess.Need.READ, io.caseway.app.audit.AuditLog.Action.READ,
        io.caseway.app.security.Purpose.or("read the case"));
    return withETag(cases.get(caseId));
  }

  @PutMapping("/{caseId}/benefit")
  ResponseEntity<CaseView> recordBenefit(@PathVariable UUID caseId, @RequestHeader("If-Match") String ifMatch,
      @Valid @RequestBody BenefitChange change) {
    access.require(caseId, CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE,
        io.caseway.app.security.Purpose.or("record the benefit"));
    return withETag(cases.recordBenefit(caseId, ETags.version(ifMatch), change.benefitType().strip(),
        change.startDate()));
  }

  @PostMapping("/{caseId}/closure")
  ResponseEntity<CaseView> close(@PathVariable UUID caseId, @RequestHeader("If-Match") String ifMatch,
      @RequestBody Closure closure) {
    access.require(caseId, CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE,
        io.caseway.app.security.Purpose.or("close the case"));
    return withETag(cases.close(caseId, ETags.version(ifMatch), closure.lastingSolution()));
  }

  /** The caseworker shares the case with a colleague or a roundtable's health coordinator. */
  @PostMapping("/{caseId}/shares")
  ResponseEntity<Void> share(@PathVariable UUID caseId, @Valid @RequestBody Share share) {
    access.share(caseId, share.username().strip(), share.reason().strip());
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<CaseView> withETag(CaseView view) {
    return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
  }
}
