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

  private final CaseFiles cases;

  CaseController(CaseFiles cases) {
    this.cases = cases;
  }

  /** One page of cases; {@code size} at most 100. */
  @GetMapping
  CaseFiles.CasePage search(@RequestParam(required = false) UUID caseworkerId, @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Track track, @RequestParam(required = false) UUID citizenId,
      @RequestParam(required = false) LocalDate clarificationDeadlineBefore,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return cases.search(new CaseSearch(caseworkerId, status, track, citizenId, clarificationDeadlineBefore), page, size);
  }

  @GetMapping("/{caseId}")
  ResponseEntity<CaseView> get(@PathVariable UUID caseId) {
    return withETag(cases.get(caseId));
  }

  @PutMapping("/{caseId}/benefit")
  ResponseEntity<CaseView> recordBenefit(@PathVariable UUID caseId, @RequestHeader("If-Match") String ifMatch,
      @Valid @RequestBody BenefitChange change) {
    return withETag(cases.recordBenefit(caseId, ETags.version(ifMatch), change.benefitType().strip(),
        change.startDate()));
  }

  @PostMapping("/{caseId}/closure")
  ResponseEntity<CaseView> close(@PathVariable UUID caseId, @RequestHeader("If-Match") String ifMatch,
      @RequestBody Closure closure) {
    return withETag(cases.close(caseId, ETags.version(ifMatch), closure.lastingSolution()));
  }

  private static ResponseEntity<CaseView> withETag(CaseView view) {
    return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
  }
}
