package io.caseway.app.caseload;

import io.caseway.app.casefile.Track;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Managers register caseworkers and their caps, and see caseloads against caps and the waiting list. */
@RestController
class CaseworkerController {
  record CaseworkerRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 200) String email,
      boolean socialWorkQualified,
      @NotBlank @Size(max = 100) String district,
      @NotBlank @Size(max = 100) String region,
      Map<@NotNull Track, @NotNull @Min(0) @Max(500) Integer> caps) {}

  record WaitingView(UUID caseId, Track track, boolean needsSocialWorkEducation, Instant waitingSince) {}

  private final Caseworkers caseworkers;
  private final io.caseway.app.security.CurrentUser currentUser;

  CaseworkerController(Caseworkers caseworkers, io.caseway.app.security.CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.caseworkers = caseworkers;
  }

  @PostMapping("/api/caseworkers")
  ResponseEntity<Caseworkers.CaseworkerView> register(@Valid @RequestBody CaseworkerRequest r) {
    var view = caseworkers.register(new Caseworkers.NewCaseworker(r.name(), r.email(), r.socialWorkQualified(),
        r.district(), r.region(), r.caps()));
    return ResponseEntity.created(URI.create("/api/caseworkers/" + view.caseworkerId())).body(view);
  }

  @GetMapping("/api/caseworkers/{caseworkerId}")
  Caseworkers.CaseworkerView get(@PathVariable UUID caseworkerId) {
    var me = currentUser.require();
    if (!me.isManagerOrCaseworker(caseworkerId)) {
      throw new io.caseway.app.security.AccessDeniedProblem("A caseworker sees their own caseload only");
    }
    return caseworkers.get(caseworkerId);
  }

  @GetMapping("/api/waiting-list")
  List<WaitingView> waitingList() {
    return caseworkers.waitingList().stream()
        .map(e -> new WaitingView(e.caseId(), e.track(), e.needsSocialWorkEducation(), e.waitingSince()))
        .toList();
  }
}
