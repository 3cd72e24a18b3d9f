package io.caseway.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal's encoding: what is written reads back equal, and newer or broken entries are refused clearly. */
class RecordCodecTest {
  private final RecordCodec codec = new RecordCodec();

  @Test
  void shouldReadBackWhatItWrote() throws IOException {
    Record job = Record.event(42, 7, 1_700_000_000_000L, JobIntent.CREATED, new JobRecord("work", "w", 3, -1, -1, 0,
        -1, null, null, Map.of("h", "v"), "{\"x\":1}", 1, "p", 1, 2, "Task_A", 3, "<default>", "END", 1,
        "{\"type\":\"adHocSubProcess\",\"completionConditionFulfilled\":true}"));
    Record element = Record.event(43, 8, 1L, ProcessInstanceIntent.ELEMENT_ACTIVATED,
        new ProcessInstanceRecord("p", 1, 2, 1, "Task_A", 1, "SERVICE_TASK", "UNSPECIFIED", -1, -1, "<default>"));
    for (Record r : new Record[] {job, element}) {
      assertThat(codec.decode(codec.encode(r))).isEqualTo(r);
    }
  }

  @Test
  void shouldIgnoreFieldsAddedByALaterMinorVersion() throws IOException {
    String entry = """
        {"f":1,"p":5,"k":6,"t":7,"v":"PROCESS_INSTANCE","i":"ELEMENT_ACTIVATED","extra":{"a":[1]},
         "r":{"bpmnProcessId":"p","version":1,"processDefinitionKey":2,"processInstanceKey":1,"elementId":"e",
              "flowScopeKey":1,"bpmnElementType":"TASK","bpmnEventType":"UNSPECIFIED","parentProcessInstanceKey":-1,
              "parentElementInstanceKey":-1,"tenantId":"<default>","addedLater":true}}""";
    Record r = codec.decode(entry.getBytes(StandardCharsets.UTF_8));
    assertThat(r.position()).isEqualTo(5);
    assertThat(((ProcessInstanceRecord) r.value()).elementId()).isEqualTo("e");
  }

  @Test
  void shouldRefuseAnEntryFromANewerFormat() {
    assertThatThrownBy(() -> codec.decode("{\"f\":2,\"p\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class).hasMessageContaining("format version 2");
  }
}
