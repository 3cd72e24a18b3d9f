package io.caseway.app.caseload;

import io.caseway.app.casefile.Track;
import io.caseway.app.policy.Policy;
import io.caseway.app.shared.Problems.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers caseworkers with a cap per track, and shows caseloads and the waiting list. */
@Service
@Transactional
public class Caseworkers {
  public record NewCaseworker(String name, String email, boolean socialWorkQualified, String district, String region,
      Map<Track, Integer> caps) {}

  public record CaseloadView(Track track, int cap, int activeCount) {}

  public record CaseworkerView(UUID caseworkerId, String name, String email, boolean socialWorkQualified,
      String district, String region, List<CaseloadView> caseload) {}

  private final CaseworkerRepository caseworkers;
  private final CaseloadRepository caseloads;
  private final WaitingListRepository waitingList;
  private final Policy policy;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Clock clock;

  Caseworkers(CaseworkerRepository caseworkers, CaseloadRepository caseloads, WaitingListRepository waitingList,
      Policy policy, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
    this.caseworkers = caseworkers;
    this.caseloads = caseloads;
    this.waitingList = waitingList;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A caseworker with a cap on every track: the given one, or the rule set's default. The cases
   * longest on the waiting list of each track, as many as the new caseworker has places, are told
   * that a coach may be available.
   */
  public CaseworkerView register(NewCaseworker request) {
    if (caseworkers.existsByEmailIgnoreCase(request.email().strip())) {
      throw ProblemException.conflict("A caseworker with the email " + request.email().strip() + " is registered");
    }
    Caseworker w = caseworkers.save(new Caseworker(request.name().strip(), request.email().strip(),
        request.socialWorkQualified(), request.district().strip(), request.region().strip()));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (Track track : Track.values()) {
      Integer cap = request.caps() == null ? null : request.caps().get(track);
      Caseload load = caseloads.save(new Caseload(w.id(), track, cap != null ? cap
          : policy.integer(policy.currentRuleSet(), "caseload.default-cap." + track.name(), today)));
      waitingList.findByTrackOrderByWaitingSinceAsc(track, org.springframework.data.domain.Limit.of(load.cap()))
          .forEach(entry -> events.publishEvent(new PlaceOffered(entry.caseId())));
    }
    caseloads.flush();
    return view(w);
  }

  @Transactional(readOnly = true)
  public CaseworkerView get(UUID caseworkerId) {
    return view(caseworkers.findById(caseworkerId)
        .orElseThrow(() -> ProblemException.notFound("No caseworker with id " + caseworkerId)));
  }

  /** Every caseworker with their caseload against the cap, by name (the managers' overview). */
  @Transactional(readOnly = true)
  public List<CaseworkerView> all() {
    return caseworkers.findAll(org.springframework.data.domain.Sort.by("name")).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public List<WaitingListEntry> waitingList() {
    return waitingList.findAllByOrderByWaitingSinceAsc();
  }

  private CaseworkerView view(Caseworker w) {
    List<CaseloadView> loads = caseloads.findByIdCaseworkerId(w.id()).stream()
        .map(l -> new CaseloadView(l.track(), l.cap(), l.activeCount()))
        .sorted(java.util.Comparator.comparing(CaseloadView::track))
        .toList();
    return new CaseworkerView(w.id(), w.name(), w.email(), w.socialWorkQualified(), w.district(), w.region(), loads);
  }
}
