package io.caseway.engine.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.RecordValue;
import io.caseway.engine.protocol.ValueType;
import java.io.IOException;

/**
 * Encodes events for the journal as JSON: {@code {"f":1,"p":pos,"k":key,"t":time,"v":type,"i":intent,"r":value}}.
 * {@code f} is the format version; unknown value fields are ignored so that older journals stay
 * readable when a value gains a field.
 */
public final class RecordCodec {
  public static final int FORMAT_VERSION = 1;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public byte[] encode(Record record) {
    ObjectNode node = json.createObjectNode();
    node.put("f", FORMAT_VERSION);
    node.put("p", record.position());
    node.put("k", record.key());
    node.put("t", record.timestamp());
    node.put("v", record.valueType().name());
    node.put("i", record.intent().name());
    node.set("r", json.valueToTree(record.value()));
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode " + record, e);
    }
  }

  public Record decode(byte[] bytes) throws IOException {
    JsonNode node = json.readTree(bytes);
    int version = node.path("f").asInt();
    if (version > FORMAT_VERSION) {
      throw new IOException("Journal entry has format version " + version
          + ", newer than this engine reads (" + FORMAT_VERSION + "); upgrade the engine");
    }
    ValueType type = ValueType.valueOf(node.get("v").asText());
    RecordValue value = json.treeToValue(node.get("r"), type.valueClass());
    return new Record(node.get("p").asLong(), node.get("k").asLong(), node.get("t").asLong(), RecordType.EVENT,
        type, type.intent(node.get("i").asText()), value, null, null);
  }
}
