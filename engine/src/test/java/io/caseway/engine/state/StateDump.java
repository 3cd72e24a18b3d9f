package io.caseway.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The content of every store of an {@link EngineState}, its indexes included, as comparable
 * values: keyed data in key order, and every collection whose order the engine acts on (activation
 * queues, child sets, per-instance timer and subscription lists, due-date sets, iteration order of
 * deployments, incidents and variables) in that order. Two states with equal dumps behave alike.
 * Take it on the processing thread ({@code engine.query(StateDump::of)}).
 */
public final class StateDump {
  private StateDump() {}

  public static Map<String, Object> of(EngineState state) {
    Map<String, Object> dump = new LinkedHashMap<>();
    dump.put("lastPosition", state.lastPosition());
    dump.put("nextKey", state.keys().peek());

    DeploymentState d = state.deployments();
    dump.put("processes", sorted(d.processMap(), p -> p.record() + " executable=" + (p.executable() != null)));
    dump.put("process iteration order", new ArrayList<>(d.processMap().keySet()));
    dump.put("drgs", sorted(d.drgMap(), drg -> drg.record() + " parsed=" + (drg.parsed() != null)));
    dump.put("decisions", sorted(d.decisionMap(), Function.identity()));
    dump.put("decision iteration order", new ArrayList<>(d.decisionMap().keySet()));
    dump.put("forms", sorted(d.formMap(), Function.identity()));
    dump.put("highest versions", new TreeMap<>(d.highestVersionMap()));
    List<Object> versions = new ArrayList<>();
    for (Map<String, TreeMap<Integer, Long>> index : d.versionIndexes()) {
      Map<String, TreeMap<Integer, Long>> nonEmpty = new TreeMap<>();
      index.forEach((id, v) -> {
        if (!v.isEmpty()) nonEmpty.put(id, v);
      });
      versions.add(nonEmpty);
    }
    dump.put("version indexes", versions);

    ElementInstanceState ei = state.elementInstances();
    dump.put("element instances", sorted(ei.instanceMap(), i -> i.value() + " state=" + i.state()
        + " children=" + List.copyOf(i.children()) + " joins=" + List.copyOf(i.takenJoinFlows().entrySet())
        + " job=" + i.jobKey() + " userTask=" + i.userTaskKey() + " calledChild=" + i.calledChildInstanceKey()));
    dump.put("active instances per definition", new TreeMap<>(ei.activeInstanceCounts()));
    dump.put("pending events", sorted(ei.pendingEventMap(), Function.identity()));

    VariableState vars = state.variables();
    dump.put("variables", sorted(vars.scopeMap(), m -> m.entrySet().stream().map(Map.Entry::copyOf).toList()));
    dump.put("variable scope parents", new TreeMap<>(vars.parentMap()));

    JobState jobs = state.jobs();
    dump.put("jobs", sorted(jobs.jobMap(), Function.identity()));
    dump.put("activation queues", sorted(jobs.activatableQueues(), List::copyOf));
    dump.put("job deadlines", List.copyOf(jobs.deadlines()));
    dump.put("job back-offs", List.copyOf(jobs.backoffs()));

    TimerState timers = state.timers();
    dump.put("timers", sorted(timers.timerMap(), Function.identity()));
    dump.put("timer due dates", List.copyOf(timers.due()));
    dump.put("timers per element instance", sorted(timers.elementInstanceIndex(), List::copyOf));
    dump.put("timers per process", sorted(timers.processDefinitionIndex(), List::copyOf));

    MessageState m = state.messages();
    dump.put("buffered messages", sorted(m.messageMap(), Function.identity()));
    dump.put("messages per name and key", sorted(m.messageIndex(), List::copyOf));
    dump.put("message ids", new TreeMap<>(m.messageIdIndex()));
    dump.put("message expiries", List.copyOf(m.expiries()));
    dump.put("message correlations", sorted(m.correlations(), TreeSet::new));
    dump.put("subscriptions", sorted(m.subscriptionMap(), Function.identity()));
    dump.put("subscriptions per name and key", sorted(m.subscriptionIndex(), List::copyOf));
    dump.put("subscriptions per element instance", sorted(m.subscriptionsByElement(), List::copyOf));
    dump.put("message start subscriptions", sorted(m.startSubscriptionMap(), List::copyOf));
    dump.put("signal subscriptions", List.copyOf(state.signals().subscriptionMap().entrySet()));

    IncidentState incidents = state.incidents();
    dump.put("incidents", sorted(incidents.incidentMap(), Function.identity()));
    dump.put("incident iteration order", incidents.all().stream().map(Map.Entry::getKey).toList());
    dump.put("incidents per element instance", new TreeMap<>(incidents.elementInstanceIndex()));
    dump.put("incidents per job", new TreeMap<>(incidents.jobIndex()));

    dump.put("user tasks", sorted(state.userTasks().all(), Function.identity()));
    return dump;
  }

  /** Asserts two dumps are equal section by section, so a failure names the store that differs. */
  public static void assertSame(Map<String, Object> actual, Map<String, Object> expected, String description) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String section : expected.keySet()) {
      assertThat(actual.get(section)).as("%s: %s", description, section).isEqualTo(expected.get(section));
    }
  }

  private static <K extends Comparable<K>, V> TreeMap<K, Object> sorted(Map<K, V> map, Function<? super V, ?> view) {
    TreeMap<K, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(k, view.apply(v)));
    return sorted;
  }
}
