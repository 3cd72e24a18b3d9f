package io.caseway.engine.state;

import io.caseway.engine.protocol.value.IncidentRecord;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Open incidents, findable by the element instance or job they block. */
public final class IncidentState {
  private final Map<Long, IncidentRecord> incidents = new HashMap<>();
  private final Map<Long, Long> byElementInstance = new HashMap<>();
  private final Map<Long, Long> byJob = new HashMap<>();

  public IncidentRecord get(long key) {
    return incidents.get(key);
  }

  public Long ofElementInstance(long elementInstanceKey) {
    return byElementInstance.get(elementInstanceKey);
  }

  public Long ofJob(long jobKey) {
    return byJob.get(jobKey);
  }

  public Collection<Map.Entry<Long, IncidentRecord>> all() {
    return Collections.unmodifiableCollection(incidents.entrySet());
  }

  // ---- snapshot support (StateSnapshotCodec and tests) ----

  Map<Long, IncidentRecord> incidentMap() {
    return incidents;
  }

  Map<Long, Long> elementInstanceIndex() {
    return byElementInstance;
  }

  Map<Long, Long> jobIndex() {
    return byJob;
  }

  void put(long key, IncidentRecord incident) {
    incidents.put(key, incident);
    if (incident.jobKey() > 0) {
      byJob.put(incident.jobKey(), key);
    } else {
      byElementInstance.put(incident.elementInstanceKey(), key);
    }
  }

  void remove(long key) {
    IncidentRecord incident = incidents.remove(key);
    if (incident != null) {
      byJob.remove(incident.jobKey());
      byElementInstance.remove(incident.elementInstanceKey());
    }
  }

  /** Forgets everything (a purge). */
  void clear() {
    incidents.clear();
    byElementInstance.clear();
    byJob.clear();
  }
}
