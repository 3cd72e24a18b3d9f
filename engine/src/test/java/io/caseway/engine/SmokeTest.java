package io.caseway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.caseway.engine.testing.EngineHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shortest useful journey: deploy, start, a worker completes the job, the instance ends. */
class SmokeTest {
  @TempDir Path dir;

  @Test
  void shouldCompleteInstanceWhenWorkerCompletesItsJob() {
    try (EngineHarness h = new EngineHarness(dir)) {
      var model = Bpmn.createExecutableProcess("p").startEvent("start").sequenceFlowId("Flow")
          .serviceTask("task", t -> t.zeebeJobType("work")).sequenceFlowId("Flow2").endEvent("end").done();
      var deployment = h.client().newDeployResourceCommand().addProcessModel(model, "p.bpmn").send().join();
      assertThat(deployment.getProcesses()).hasSize(1);
      long pik = h.client().newCreateInstanceCommand().bpmnProcessId("p").latestVersion()
          .variables(Map.of("x", 1)).send().join().getProcessInstanceKey();
      List<ActivatedJob> jobs = h.client().newActivateJobsCommand().jobType("work").maxJobsToActivate(5)
          .send().join().getJobs();
      assertThat(jobs).hasSize(1);
      assertThat(jobs.get(0).getVariablesAsMap()).containsEntry("x", 1);
      h.client().newCompleteCommand(jobs.get(0).getKey()).variables(Map.of("y", 2)).send().join();
      h.awaitProcessCompleted(pik);
      assertThat(h.lifecycle(pik)).containsExactly(
          "p:ELEMENT_ACTIVATING", "p:ELEMENT_ACTIVATED",
          "start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING", "start:ELEMENT_COMPLETED",
          "Flow:SEQUENCE_FLOW_TAKEN",
          "task:ELEMENT_ACTIVATING", "task:ELEMENT_ACTIVATED", "task:ELEMENT_COMPLETING", "task:ELEMENT_COMPLETED",
          "Flow2:SEQUENCE_FLOW_TAKEN",
          "end:ELEMENT_ACTIVATING", "end:ELEMENT_ACTIVATED", "end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED",
          "p:ELEMENT_COMPLETING", "p:ELEMENT_COMPLETED");
    }
  }
}
