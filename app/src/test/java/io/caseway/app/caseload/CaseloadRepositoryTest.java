package io.caseway.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseway.app.casefile.Track;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The caseload queries against the real PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class CaseloadRepositoryTest {
  @Autowired CaseloadRepository caseloads;
  @Autowired CaseworkerRepository caseworkers;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void empty() {
    jdbc.execute(io.caseway.app.IntegrationTestSupport.EMPTY_CASE_FILE);
  }

  private UUID caseworker(String email, boolean socialWork, int cap, int active) {
    Caseworker w = caseworkers.save(new Caseworker(email, email, socialWork, "D", "R"));
    caseloads.saveAndFlush(new Caseload(w.id(), Track.INTERDISCIPLINARY_UNIT, cap));
    for (int i = 0; i < active; i++) {
      caseloads.takePlace(w.id(), Track.INTERDISCIPLINARY_UNIT);
    }
    return w.id();
  }

  @Test
  void candidatesAreThoseWithRoomAndTheEducationLeastLoadedFirst() {
    UUID full = caseworker("full@x", true, 2, 2);
    UUID half = caseworker("half@x", true, 10, 5);
    UUID light = caseworker("light@x", true, 20, 2);
    UUID noEducation = caseworker("none@x", false, 20, 0);

    assertThat(caseloads.candidates(Track.INTERDISCIPLINARY_UNIT, true)).containsExactly(light, half);
    assertThat(caseloads.candidates(Track.INTERDISCIPLINARY_UNIT, false)).containsExactly(noEducation, light, half);
    assertThat(caseloads.candidates(Track.INTERDISCIPLINARY_UNIT, true)).doesNotContain(full);
  }

  @Test
  void aPlaceIsTakenOnlyBelowTheCapAndFreedOnlyAboveZero() {
    UUID w = caseworker("w@x", true, 1, 0);

    assertThat(caseloads.takePlace(w, Track.INTERDISCIPLINARY_UNIT)).isEqualTo(1);
    assertThat(caseloads.takePlace(w, Track.INTERDISCIPLINARY_UNIT)).isZero();
    assertThat(caseloads.freePlace(w, Track.INTERDISCIPLINARY_UNIT)).isEqualTo(1);
    assertThat(caseloads.freePlace(w, Track.INTERDISCIPLINARY_UNIT)).isZero();
  }
}
