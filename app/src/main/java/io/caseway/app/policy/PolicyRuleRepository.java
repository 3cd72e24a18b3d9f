package io.caseway.app.policy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyRuleRepository extends JpaRepository<PolicyRule, UUID> {
  List<PolicyRule> findByRuleSetAndKey(String ruleSet, String key);
}
