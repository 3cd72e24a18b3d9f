package io.caseway.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.value.VariableRecord;
import io.caseway.engine.testing.EngineHarness;
import io.caseway.engine.testing.MixedWorkload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With snapshots every 50 records and small journal segments, an engine stopped and recovered
 * again and again in the middle of its processes ends them exactly as one that never stopped, while
 * the journal only keeps what the older retained snapshot needs.
 */
class RestartWithSnapshotsTest {
  private static final int ORDERS = 8;

  @TempDir Path tmp;

  /** Built once: the builder names sequence flows at random, and both runs must see the same ids. */
  private static final BpmnModelInstance ORDER = Bpmn.createExecutableProcess("order").startEvent("start")
        .serviceTask("reserve", t -> t.zeebeJobType("reserve"))
        .intermediateCatchEvent("cool", e -> e.timerWithDuration("PT10M"))
        .intermediateCatchEvent("paid", e -> e.message(m -> m.name("paid").zeebeCorrelationKeyExpression("orderId")))
        .parallelGateway("fork")
        .serviceTask("ship", t -> t.zeebeJobType("ship")).parallelGateway("join")
        .moveToNode("fork").serviceTask("bill", t -> t.zeebeJobType("bill")).connectTo("join")
        .endEvent("end").done();

  /** Per order, in creation order: its element lifecycle and its final variables. */
  record Outcome(List<List<String>> lifecycles, List<Map<String, String>> variables) {}

  @Test
  void processesEndAsWithoutRestartsAndOldJournalSegmentsAreDeleted() throws IOException {
    Outcome uninterrupted;
    try (EngineHarness h = new EngineHarness(tmp.resolve("reference"))) {
      uninterrupted = runOrders(h, () -> {});
    }

    Path data = tmp.resolve("restarted");
    int[] restarts = {0};
    Outcome restarted;
    try (EngineHarness h = new EngineHarness(data,
        c -> c.withSnapshotEveryRecords(50).withJournalSegmentBytes(8 * 1024))) {
      restarted = runOrders(h, () -> {
        h.restart();
        restarts[0]++;
        assertThat(h.engine().lastRecovery().snapshotPosition()).as("recovered from a snapshot").isPositive();
      });
      assertThat(restarts[0]).isGreaterThanOrEqualTo(6);

      List<Long> segments = segmentPositions(data.resolve("journal"));
      assertThat(segments.get(0)).as("first position still in the journal: the oldest segments are gone")
          .isGreaterThan(1);
      assertThat(h.engine().query(s -> s.lastPosition()).join()).as("positions written")
          .isGreaterThan(segments.get(0) + 50);
      try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).as("retained snapshots")
            .hasSizeBetween(1, 2).allMatch(n -> n.endsWith(".snap"));
      }
    }
    assertThat(restarted.lifecycles()).hasSize(ORDERS);
    assertThat(restarted.lifecycles().get(0)).contains("order:ELEMENT_COMPLETED");
    assertThat(restarted).isEqualTo(uninterrupted);
  }

  private static Outcome runOrders(EngineHarness h, Runnable restart) {
    h.engine().pinClock(MixedWorkload.START).join();
    h.client().newDeployResourceCommand().addProcessModel(ORDER, "order.bpmn").send().join();
    restart.run();
    List<Long> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      orders.add(h.client().newCreateInstanceCommand().bpmnProcessId("order").latestVersion()
          .variables(Map.of("orderId", "o" + i, "amount", 10 * i)).send().join().getProcessInstanceKey());
      if (i == ORDERS / 2) {
        restart.run();
      }
    }
    restart.run();
    completeJobs(h, "reserve", restart);
    restart.run();
    h.engine().addClockOffset(Duration.ofMinutes(10)).join();
    MixedWorkload.settle(h);
    restart.run();
    for (int i = 0; i < ORDERS; i++) {
      h.client().newPublishMessageCommand().messageName("paid").correlationKey("o" + i)
          .variables(Map.of("paidAt", i)).send().join();
      if (i == 2) {
        restart.run();
      }
    }
    MixedWorkload.settle(h);
    restart.run();
    completeJobs(h, "ship", restart);
    restart.run();
    completeJobs(h, "bill", restart);
    for (long order : orders) {
      h.awaitProcessCompleted(order);
    }
    return new Outcome(orders.stream().map(h::lifecycle).toList(),
        orders.stream().map(order -> variables(h.records(), order)).toList());
  }

  /** Activates all jobs of the type, restarts with them activated, then completes them. */
  private static void completeJobs(EngineHarness h, String type, Runnable restart) {
    List<ActivatedJob> jobs = new ArrayList<>();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
      jobs.addAll(h.client().newActivateJobsCommand().jobType(type).maxJobsToActivate(ORDERS - jobs.size())
          .timeout(Duration.ofHours(1)).requestTimeout(Duration.ofSeconds(1)).send().join().getJobs());
      return jobs.size() == ORDERS;
    });
    restart.run();
    for (int i = 0; i < jobs.size(); i++) {
      ActivatedJob job = jobs.get(i);
      h.client().newCompleteCommand(job.getKey()).variables(Map.of(type + "Done", i)).send().join();
      if (i == 3) {
        restart.run();
      }
    }
  }

  private static Map<String, String> variables(List<Record> records, long processInstanceKey) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (Record r : records) {
      if (r.recordType() == RecordType.EVENT && r.value() instanceof VariableRecord v
          && v.scopeKey() == processInstanceKey) {
        variables.put(v.name(), v.value());
      }
    }
    return variables;
  }

  static List<Long> segmentPositions(Path journal) throws IOException {
    try (Stream<Path> files = Files.list(journal)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("journal-\\d{20}\\.log"))
          .map(n -> Long.parseLong(n.substring("journal-".length(), n.length() - ".log".length()))).sorted().toList();
    }
  }
}
