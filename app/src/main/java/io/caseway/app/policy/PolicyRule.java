package io.caseway.app.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One configured value (a deadline, cap, cadence or offset) of a rule set, valid from a date. */
@Entity
@Table(name = "policy_rule")
class PolicyRule {
  @Id private UUID id;
  @Column(name = "rule_set") private String ruleSet;
  private String key;
  private String value;
  @Column(name = "effective_from") private LocalDate effectiveFrom;
  @Column(name = "effective_to") private LocalDate effectiveTo;
  private String description;

  protected PolicyRule() {}

  String key() {
    return key;
  }

  String value() {
    return value;
  }

  String ruleSet() {
    return ruleSet;
  }

  LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  boolean appliesOn(LocalDate date) {
    return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
  }
}
