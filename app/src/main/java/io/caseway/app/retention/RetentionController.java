package io.caseway.app.retention;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For managers: which closed cases the next erasure run will erase (ids and dates, no personal data). */
@RestController
class RetentionController {
  private final Retention retention;

  RetentionController(Retention retention) {
    this.retention = retention;
  }

  @GetMapping("/api/retention/due")
  List<Retention.Due> due() {
    return retention.due();
  }
}
