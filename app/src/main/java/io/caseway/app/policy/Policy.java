package io.caseway.app.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rules in force: a key's value in a rule set on a date. Rule sets run side by side, so
 * a case keeps the rule set it was opened under; a new case gets {@link #currentRuleSet()}.
 */
@Service
@Transactional(readOnly = true)
public class Policy {
  private final PolicyRuleRepository rules;
  private final String currentRuleSet;

  Policy(PolicyRuleRepository rules, @Value("${caseway.policy.rule-set:DK-2026}") String currentRuleSet) {
    this.rules = rules;
    this.currentRuleSet = currentRuleSet;
  }

  /** The rule set that new cases are opened under. */
  public String currentRuleSet() {
    return currentRuleSet;
  }

  /** The value of {@code key} in {@code ruleSet} on {@code date}; fails, naming both, when none is in force. */
  public String value(String ruleSet, String key, LocalDate date) {
    return rules.findByRuleSetAndKey(ruleSet, key).stream()
        .filter(r -> r.appliesOn(date))
        .max(Comparator.comparing(PolicyRule::effectiveFrom))
        .map(PolicyRule::value)
        .orElseThrow(() -> new MissingPolicyException("No rule '" + key + "' in rule set '" + ruleSet + "' is in force on "
            + date + "; add one to the table policy_rule"));
  }

  public int integer(String ruleSet, String key, LocalDate date) {
    return Integer.parseInt(value(ruleSet, key, date).trim());
  }

  public boolean flag(String ruleSet, String key, LocalDate date) {
    return Boolean.parseBoolean(value(ruleSet, key, date).trim());
  }

  /** An ISO-8601 period such as {@code P12M}. */
  public Period period(String ruleSet, String key, LocalDate date) {
    return Period.parse(value(ruleSet, key, date).trim());
  }

  /** A rule the code needs is not configured: a setup error, not a user error. */
  public static class MissingPolicyException extends IllegalStateException {
    MissingPolicyException(String message) {
      super(message);
    }
  }
}
