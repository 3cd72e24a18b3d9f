package io.caseway.engine.test;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byTaskName;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.stereotype.Component;

/**
 * A Spring Boot application's own {@code @JobWorker} bean, run by the unmodified starter on the
 * client that {@code @CamundaSpringProcessTest} provides, against the embedded engine: the test
 * class carries no engine-specific configuration.
 */
@SpringBootTest(classes = SpringProcessTestTest.App.class)
@CamundaSpringProcessTest
class SpringProcessTestTest {

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired App.AcknowledgeReferralWorker worker;

  @Test
  void applicationWorkerCompletesTheJobAndTheTimerFiresAfterTimeTravel() {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("acknowledge")
        .startEvent("StartEvent_Received")
        .serviceTask("ServiceTask_Acknowledge", t -> t.zeebeJobType("acknowledge-referral"))
        .intermediateCatchEvent("TimerEvent_FirstContactDue", e -> e.timerWithDuration("P14D"))
        .userTask("UserTask_FirstContact", t -> t.name("Make first contact").zeebeUserTask())
        .endEvent("EndEvent_Contacted")
        .done(), "acknowledge.bpmn").send().join();

    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("acknowledge").latestVersion()
        .variables(Map.of("referralId", "R-7")).send().join();

    assertThat(instance).hasCompletedElements("ServiceTask_Acknowledge").hasVariable("acknowledged", "R-7")
        .hasActiveElements("TimerEvent_FirstContactDue");
    assertThat(worker.seen).containsExactly("R-7");

    processTestContext.increaseTime(Duration.ofDays(14));
    assertThat(byTaskName("Make first contact")).isCreated();
    processTestContext.completeUserTask(byTaskName("Make first contact"));
    assertThat(instance).isCompleted();
  }

  @SpringBootApplication
  static class App {
    @Component
    public static class AcknowledgeReferralWorker {
      final List<String> seen = new CopyOnWriteArrayList<>();

      @JobWorker(type = "acknowledge-referral")
      public Map<String, Object> acknowledge(@Variable String referralId) {
        seen.add(referralId);
        return Map.of("acknowledged", referralId);
      }
    }
  }
}
