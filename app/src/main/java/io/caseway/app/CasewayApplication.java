package io.caseway.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Caseway: the case file and its API, the job workers bound to it, and (by default) the embedded
 * engine with the journeys deployed. Features are packages ({@code referral}, {@code casefile},
 * {@code caseload}, ...), verified as modules by {@code ModularityTests}.
 */
@SpringBootApplication
@EnableScheduling
public class CasewayApplication {
  public static void main(String[] args) {
    SpringApplication.run(CasewayApplication.class, args);
  }
}
