package io.caseway.engine.state;

import io.caseway.engine.dmn.ParsedDrg;
import io.caseway.engine.model.ExecutableProcess;
import io.caseway.engine.protocol.value.DecisionRecord;
import io.caseway.engine.protocol.value.DecisionRequirementsRecord;
import io.caseway.engine.protocol.value.FormRecord;
import io.caseway.engine.protocol.value.ProcessRecord;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Deployed processes, decision requirements graphs, decisions and forms, with their versions. */
public final class DeploymentState {
  /** A process definition and its executable model. */
  public record DeployedProcess(ProcessRecord record, ExecutableProcess executable) {}

  /** A decision requirements graph and the parsed model the decision engine evaluates. */
  public record DeployedDrg(DecisionRequirementsRecord record, ParsedDrg parsed) {}

  private final Map<Long, DeployedProcess> processes = new HashMap<>();
  private final Map<String, TreeMap<Integer, Long>> processVersions = new HashMap<>();
  private final Map<Long, DeployedDrg> drgs = new HashMap<>();
  private final Map<String, TreeMap<Integer, Long>> drgVersions = new HashMap<>();
  private final Map<Long, DecisionRecord> decisions = new HashMap<>();
  private final Map<String, TreeMap<Integer, Long>> decisionVersions = new HashMap<>();
  private final Map<Long, FormRecord> forms = new HashMap<>();
  private final Map<String, Integer> highestVersions = new HashMap<>();
  private final Map<String, TreeMap<Integer, Long>> formVersions = new HashMap<>();

  public DeployedProcess process(long key) {
    return processes.get(key);
  }

  public DeployedProcess latestProcess(String bpmnProcessId) {
    return latest(processVersions, bpmnProcessId, processes);
  }

  public DeployedProcess process(String bpmnProcessId, int version) {
    Long key = processVersions.getOrDefault(bpmnProcessId, new TreeMap<>()).get(version);
    return key == null ? null : processes.get(key);
  }

  public Collection<DeployedProcess> processes() {
    return Collections.unmodifiableCollection(processes.values());
  }

  public DeployedDrg drg(long key) {
    return drgs.get(key);
  }

  public DeployedDrg latestDrg(String drgId) {
    return latest(drgVersions, drgId, drgs);
  }

  public DecisionRecord decision(long key) {
    return decisions.get(key);
  }

  public DecisionRecord latestDecision(String decisionId) {
    return latest(decisionVersions, decisionId, decisions);
  }

  public Collection<DecisionRecord> decisions() {
    return Collections.unmodifiableCollection(decisions.values());
  }

  public FormRecord form(long key) {
    return forms.get(key);
  }

  public FormRecord latestForm(String formId) {
    return latest(formVersions, formId, forms);
  }

  /** The version a new deployment of this id gets: one past the highest ever deployed, deleted ones included. */
  public int nextVersion(Kind kind, String id) {
    return highestVersions.getOrDefault(kind + ":" + id, 0) + 1;
  }

  /** Resource kinds that carry versions. */
  public enum Kind {
    PROCESS,
    DRG,
    DECISION,
    FORM
  }

  private static <T> T latest(Map<String, TreeMap<Integer, Long>> versions, String id, Map<Long, T> byKey) {
    TreeMap<Integer, Long> v = versions.get(id);
    return v == null || v.isEmpty() ? null : byKey.get(v.lastEntry().getValue());
  }

  // ---- mutators, for appliers only ----

  void putProcess(DeployedProcess p) {
    processes.put(p.record().processDefinitionKey(), p);
    processVersions.computeIfAbsent(p.record().bpmnProcessId(), k -> new TreeMap<>())
        .put(p.record().version(), p.record().processDefinitionKey());
    versionSeen(Kind.PROCESS, p.record().bpmnProcessId(), p.record().version());
  }

  void removeProcess(long key) {
    DeployedProcess p = processes.remove(key);
    if (p != null) {
      removeVersion(processVersions, p.record().bpmnProcessId(), p.record().version());
    }
  }

  void putDrg(DeployedDrg d) {
    drgs.put(d.record().decisionRequirementsKey(), d);
    drgVersions.computeIfAbsent(d.record().decisionRequirementsId(), k -> new TreeMap<>())
        .put(d.record().version(), d.record().decisionRequirementsKey());
    versionSeen(Kind.DRG, d.record().decisionRequirementsId(), d.record().version());
  }

  void removeDrg(long key) {
    DeployedDrg d = drgs.remove(key);
    if (d != null) {
      removeVersion(drgVersions, d.record().decisionRequirementsId(), d.record().version());
    }
  }

  void putDecision(DecisionRecord d) {
    decisions.put(d.decisionKey(), d);
    decisionVersions.computeIfAbsent(d.decisionId(), k -> new TreeMap<>()).put(d.version(), d.decisionKey());
    versionSeen(Kind.DECISION, d.decisionId(), d.version());
  }

  void removeDecision(long key) {
    DecisionRecord d = decisions.remove(key);
    if (d != null) {
      removeVersion(decisionVersions, d.decisionId(), d.version());
    }
  }

  void putForm(FormRecord f) {
    forms.put(f.formKey(), f);
    formVersions.computeIfAbsent(f.formId(), k -> new TreeMap<>()).put(f.version(), f.formKey());
    versionSeen(Kind.FORM, f.formId(), f.version());
  }

  void removeForm(long key) {
    FormRecord f = forms.remove(key);
    if (f != null) {
      removeVersion(formVersions, f.formId(), f.version());
    }
  }

  // ---- snapshot support (StateSnapshotCodec and tests) ----

  Map<Long, DeployedProcess> processMap() {
    return processes;
  }

  Map<Long, DeployedDrg> drgMap() {
    return drgs;
  }

  Map<Long, DecisionRecord> decisionMap() {
    return decisions;
  }

  Map<Long, FormRecord> formMap() {
    return forms;
  }

  /** "KIND:id" → highest version ever deployed, deleted resources included. */
  Map<String, Integer> highestVersionMap() {
    return highestVersions;
  }

  /** Version indexes (id → version → key) of processes, DRGs, decisions and forms, for comparisons in tests. */
  List<Map<String, TreeMap<Integer, Long>>> versionIndexes() {
    return List.of(processVersions, drgVersions, decisionVersions, formVersions);
  }

  void restoreHighestVersion(String kindAndId, int version) {
    highestVersions.put(kindAndId, version);
  }

  private void versionSeen(Kind kind, String id, int version) {
    highestVersions.merge(kind + ":" + id, version, Math::max);
  }

  private static void removeVersion(Map<String, TreeMap<Integer, Long>> versions, String id, int version) {
    TreeMap<Integer, Long> v = versions.get(id);
    if (v != null) {
      v.remove(version);
    }
  }

  /** Forgets everything (a purge). */
  void clear() {
    processes.clear();
    processVersions.clear();
    drgs.clear();
    drgVersions.clear();
    decisions.clear();
    decisionVersions.clear();
    forms.clear();
    highestVersions.clear();
    formVersions.clear();
  }
}
