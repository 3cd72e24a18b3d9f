package io.caseway.engine.processing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.RecordValue;
import io.caseway.engine.protocol.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Encodes events for the journal as JSON: {@code {"f":1,"p":pos,"k":key,"t":time,"v":type,"i":intent,"r":value}}.
 * {@code f} is the format version; unknown value fields are ignored so that older journals stay
 * readable when a value gains a field. Written and read with Jackson's streaming API, the value
 * last, so no intermediate tree is built (the codec is on the hot path of every command and of
 * recovery; see docs/benchmarks.md).
 */
public final class RecordCodec {
  public static final int FORMAT_VERSION = 1;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final Map<ValueType, ObjectWriter> writers = new EnumMap<>(ValueType.class);
  private final Map<ValueType, ObjectReader> readers = new EnumMap<>(ValueType.class);

  public RecordCodec() {
    for (ValueType type : ValueType.values()) {
      writers.put(type, json.writerFor(type.valueClass()));
      readers.put(type, json.readerFor(type.valueClass()));
    }
  }

  public byte[] encode(Record record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("f", FORMAT_VERSION);
      g.writeNumberField("p", record.position());
      g.writeNumberField("k", record.key());
      g.writeNumberField("t", record.timestamp());
      g.writeStringField("v", record.valueType().name());
      g.writeStringField("i", record.intent().name());
      g.writeFieldName("r");
      writers.get(record.valueType()).writeValue(g, record.value());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode " + record, e);
    }
    return out.toByteArray();
  }

  public Record decode(byte[] bytes) throws IOException {
    try (JsonParser p = json.getFactory().createParser(bytes)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      int version = -1;
      long position = 0;
      long key = 0;
      long timestamp = 0;
      ValueType type = null;
      String intent = null;
      RecordValue value = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "f" -> {
            version = p.getIntValue();
            if (version > FORMAT_VERSION) {
              throw new IOException("Journal entry has format version " + version
                  + ", newer than this engine reads (" + FORMAT_VERSION + "); upgrade the engine");
            }
          }
          case "p" -> position = p.getLongValue();
          case "k" -> key = p.getLongValue();
          case "t" -> timestamp = p.getLongValue();
          case "v" -> type = ValueType.valueOf(p.getText());
          case "i" -> intent = p.getText();
          case "r" -> {
            if (type == null) {
              throw new IOException("Journal entry at position " + position + " has its value before its type");
            }
            value = readers.get(type).readValue(p);
          }
          default -> p.skipChildren();
        }
      }
      if (type == null || intent == null || value == null) {
        throw new IOException("Journal entry at position " + position + " is incomplete (format " + version + ")");
      }
      return new Record(position, key, timestamp, RecordType.EVENT, type, type.intent(intent), value, null, null);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("Journal entry is not a JSON object (found " + actual + ")");
    }
  }
}
