package io.caseway.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages are modules: no cycles, and no reaching into another module's internals. */
class ModularityTests {
  @Test
  void featuresAreModulesWithoutCycles() {
    ApplicationModules.of(CasewayApplication.class).verify();
  }
}
