package io.caseway.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoundtableMeetingTest {
  private static final Instant AT = Instant.parse("2027-01-10T10:00:00Z");
  private static final Set<Participant> TEAM = Set.of(new Participant(Participant.Role.CITIZEN, "Mette"),
      new Participant(Participant.Role.CASEWORKER, "Anna"), new Participant(Participant.Role.DOCTOR, "Dr. Jensen"));

  @Test
  void aRoundtableNeedsADoctorOrHealthCoordinatorAndTheCitizen() {
    assertThatThrownBy(() -> new RoundtableMeeting(UUID.randomUUID(), AT, "Library",
        Set.of(new Participant(Participant.Role.CITIZEN, "Mette"), new Participant(Participant.Role.CASEWORKER, "A")),
        null)).hasMessageContaining("doctor or a health coordinator");
    assertThatThrownBy(() -> new RoundtableMeeting(UUID.randomUUID(), AT, "Library",
        Set.of(new Participant(Participant.Role.HEALTH_COORDINATOR, "H")), null)).hasMessageContaining("citizen");
  }

  @Test
  void theTeamRecommendsThenTheAuthorityDecidesAndNothingAfter() {
    RoundtableMeeting m = new RoundtableMeeting(UUID.randomUUID(), AT, "Library", TEAM, "Her sister");
    assertThatThrownBy(() -> m.decide(Recommendation.FLEX_JOB, null, "Authority", AT))
        .hasMessageContaining("planned");

    m.recordMinutes("We talked", Recommendation.DEVELOPMENT_FLEX_JOB, "A few hours", AT);
    assertThat(m.status()).isEqualTo(RoundtableMeeting.Status.HELD);
    assertThatThrownBy(m::cancel).hasMessageContaining("held");

    m.decide(Recommendation.DEVELOPMENT_FLEX_JOB, "Agreed", "Jobcentre authority", AT);
    assertThat(m.status()).isEqualTo(RoundtableMeeting.Status.DECIDED);
    assertThat(m.decision()).contains(Recommendation.DEVELOPMENT_FLEX_JOB);
    assertThatThrownBy(() -> m.recordMinutes("again", Recommendation.FLEX_JOB, null, AT))
        .hasMessageContaining("decided");
  }
}
