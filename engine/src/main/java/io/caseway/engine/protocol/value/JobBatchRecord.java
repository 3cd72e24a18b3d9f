package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;
import java.util.List;

/** A request to activate jobs of one type, and the jobs it activated (with their variables). */
public record JobBatchRecord(
    String type,
    String worker,
    long timeout,
    int maxJobsToActivate,
    List<String> fetchVariables,
    List<Long> jobKeys,
    List<JobRecord> jobs,
    List<String> jobVariables)
    implements RecordValue {}
