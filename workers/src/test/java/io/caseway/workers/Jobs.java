package io.caseway.workers;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;

/** Activated jobs for worker unit tests: only the keys a worker reads. */
final class Jobs {
  private Jobs() {}

  static ActivatedJob job(long key, long processInstanceKey) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(key);
    when(job.getProcessInstanceKey()).thenReturn(processInstanceKey);
    return job;
  }
}
