package io.caseway.app.outcome;

import io.caseway.app.shared.Problems.ProblemException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers' outcome figures: into work and still in work after 13 and 26 weeks, by region and district. */
@RestController
class OutcomeController {
  private final Outcomes outcomes;

  OutcomeController(Outcomes outcomes) {
    this.outcomes = outcomes;
  }

  @GetMapping("/api/outcomes")
  List<Outcomes.AreaCount> byArea(@RequestParam LocalDate from, @RequestParam LocalDate to) {
    if (!to.isAfter(from)) {
      throw ProblemException.invalid("to", "must be after from (" + from + ")");
    }
    return outcomes.byArea(from, to);
  }
}
