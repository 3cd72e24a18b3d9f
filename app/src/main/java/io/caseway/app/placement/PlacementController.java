package io.caseway.app.placement;

import io.caseway.app.shared.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
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

/** Employers, vacancies and placements. */
@RestController
class PlacementController {
  record EmployerRequest(@NotBlank @Size(max = 200) String name, @Size(max = 20) String registrationNumber,
      @NotBlank @Size(max = 100) String district, @Size(max = 200) String contact) {}

  record EmployerView(UUID employerId, String name, String registrationNumber, String district, String contact) {}

  record VacancyRequest(@NotBlank @Size(max = 200) String title,
      @NotNull @Positive @DecimalMax("80") BigDecimal hoursPerWeek, boolean flexJobPossible) {}

  record VacancyView(UUID vacancyId, UUID employerId, String title, BigDecimal hoursPerWeek, boolean flexJobPossible,
      boolean open) {
    static VacancyView of(Vacancy v) {
      return new VacancyView(v.id(), v.employerId(), v.title(), v.hoursPerWeek(), v.flexJobPossible(), v.open());
    }
  }

  record PlacementRequest(@NotNull UUID employerId, UUID vacancyId, @NotNull Placement.Kind kind,
      @NotNull @Positive @DecimalMax("80") BigDecimal hoursPerWeek, @NotNull LocalDate startedOn) {}

  record CheckRequest(@NotNull Integer weeks, @NotNull Boolean sustained) {}

  record EndRequest(@NotNull LocalDate endedOn, @Size(max = 300) String reason) {}

  record PlacementView(UUID placementId, UUID caseId, UUID employerId, UUID vacancyId, Placement.Kind kind,
      BigDecimal hoursPerWeek, LocalDate startedOn, Boolean sustained13Weeks, Boolean sustained26Weeks,
      LocalDate endedOn, String endReason, long version) {
    static PlacementView of(Placement p) {
      return new PlacementView(p.id(), p.caseId(), p.employerId(), p.vacancyId().orElse(null), p.kind(),
          p.hoursPerWeek(), p.startedOn(), p.sustained13Weeks().orElse(null), p.sustained26Weeks().orElse(null),
          p.endedOn().orElse(null), p.endReason().orElse(null), p.version());
    }
  }

  private final Placements placements;
  private final io.caseway.app.casefile.CaseAccess access;

  PlacementController(Placements placements, io.caseway.app.casefile.CaseAccess access) {
    this.placements = placements;
    this.access = access;
  }

  @PostMapping("/api/employers")
  ResponseEntity<EmployerView> registerEmployer(@Valid @RequestBody EmployerRequest r) {
    Employer e = placements.registerEmployer(r.name().strip(), r.registrationNumber(), r.district().strip(),
        r.contact());
    return ResponseEntity.created(URI.create("/api/employers/" + e.id()))
        .body(new EmployerView(e.id(), e.name(), e.registrationNumber(), e.district(), e.contact()));
  }

  @PostMapping("/api/employers/{employerId}/vacancies")
  ResponseEntity<VacancyView> openVacancy(@PathVariable UUID employerId, @Valid @RequestBody VacancyRequest r) {
    Vacancy v = placements.openVacancy(employerId, r.title().strip(), r.hoursPerWeek(), r.flexJobPossible());
    return ResponseEntity.created(URI.create("/api/vacancies/" + v.id())).body(VacancyView.of(v));
  }

  @GetMapping("/api/vacancies/flex-jobs")
  List<VacancyView> openFlexJobs() {
    return placements.openFlexJobVacancies().stream().map(VacancyView::of).toList();
  }

  @PostMapping("/api/cases/{caseId}/placements")
  ResponseEntity<PlacementView> start(@PathVariable UUID caseId, @Valid @RequestBody PlacementRequest r) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "placement", caseId, io.caseway.app.security.Purpose.or("start a placement"));
    Placement p = placements.start(caseId, r.employerId(), r.vacancyId(), r.kind(), r.hoursPerWeek(), r.startedOn());
    return ResponseEntity.created(URI.create("/api/placements/" + p.id())).eTag(ETags.of(p.version()))
        .body(PlacementView.of(p));
  }

  @GetMapping("/api/cases/{caseId}/placements")
  List<PlacementView> ofCase(@PathVariable UUID caseId) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.READ, io.caseway.app.audit.AuditLog.Action.READ, "placement", caseId, io.caseway.app.security.Purpose.or("read the placements"));
    return placements.ofCase(caseId).stream().map(PlacementView::of).toList();
  }

  @PostMapping("/api/placements/{placementId}/checks")
  ResponseEntity<PlacementView> check(@PathVariable UUID placementId, @RequestHeader("If-Match") String ifMatch,
      @Valid @RequestBody CheckRequest r) {
    access.require(placements.caseOfPlacement(placementId), io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "placement", placementId,
        io.caseway.app.security.Purpose.or("record a follow-up"));
    Placement p = placements.recordCheck(placementId, ETags.version(ifMatch), r.weeks(), r.sustained());
    return ResponseEntity.ok().eTag(ETags.of(p.version())).body(PlacementView.of(p));
  }

  @PostMapping("/api/placements/{placementId}/end")
  ResponseEntity<PlacementView> end(@PathVariable UUID placementId, @RequestHeader("If-Match") String ifMatch,
      @Valid @RequestBody EndRequest r) {
    access.require(placements.caseOfPlacement(placementId), io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "placement", placementId,
        io.caseway.app.security.Purpose.or("end a placement"));
    Placement p = placements.end(placementId, ETags.version(ifMatch), r.endedOn(), r.reason());
    return ResponseEntity.ok().eTag(ETags.of(p.version())).body(PlacementView.of(p));
  }
}
