package io.caseway.engine.state;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primitives of the snapshot format ({@link StateSnapshotCodec}): zig-zag varints, strings
 * through a string table (each distinct string is written once and then referenced by number, which
 * also makes a restored state share its strings), and record values written component by component
 * against a schema that the snapshot carries, so that a record that gains or loses a component
 * stays readable.
 */
final class SnapshotBinary {
  private SnapshotBinary() {}

  /** Component types a snapshotted record may have. */
  enum Tag {
    LONG('J'),
    INT('I'),
    BOOLEAN('Z'),
    STRING('S'),
    STRING_LIST('L'),
    STRING_MAP('M');

    final char code;

    Tag(char code) {
      this.code = code;
    }

    static Tag of(char code) throws IOException {
      for (Tag t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      throw new IOException("unknown component type '" + code + "'");
    }

    static Tag of(RecordComponent component) {
      Class<?> type = component.getType();
      if (type == long.class) return LONG;
      if (type == int.class) return INT;
      if (type == boolean.class) return BOOLEAN;
      if (type == String.class) return STRING;
      if ((type == List.class || type == Map.class) && component.getGenericType() instanceof ParameterizedType p
          && Arrays.stream(p.getActualTypeArguments()).allMatch(a -> a == String.class)) {
        return type == List.class ? STRING_LIST : STRING_MAP;
      }
      throw new IllegalStateException("Snapshots cannot hold component " + component.getName() + " of "
          + component.getDeclaringRecord().getSimpleName() + " (type " + component.getGenericType()
          + "); teach SnapshotBinary.Tag the type");
    }

    Object defaultValue() {
      return switch (this) {
        case LONG -> 0L;
        case INT -> 0;
        case BOOLEAN -> false;
        default -> null;
      };
    }
  }

  /** How the current code reads and builds one record class. */
  static final class Schema<T extends Record> {
    final Class<T> type;
    final String[] names;
    final Tag[] tags;
    final MethodHandle[] getters;
    final MethodHandle constructor;

    Schema(Class<T> type) {
      this.type = type;
      RecordComponent[] components = type.getRecordComponents();
      names = new String[components.length];
      tags = new Tag[components.length];
      getters = new MethodHandle[components.length];
      Class<?>[] parameterTypes = new Class<?>[components.length];
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      try {
        for (int i = 0; i < components.length; i++) {
          names[i] = components[i].getName();
          tags[i] = Tag.of(components[i]);
          getters[i] = lookup.unreflect(components[i].getAccessor())
              .asType(MethodType.methodType(Object.class, Object.class));
          parameterTypes[i] = components[i].getType();
        }
        Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
        constructor = lookup.unreflectConstructor(canonical)
            .asSpreader(Object[].class, components.length)
            .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot snapshot " + type, e);
      }
    }

    void writeSchema(Out out) {
      out.string(type.getSimpleName());
      out.varint(names.length);
      for (int i = 0; i < names.length; i++) {
        out.string(names[i]);
        out.varint(tags[i].code);
      }
    }

    void write(Out out, T value) {
      for (int i = 0; i < getters.length; i++) {
        Object v;
        try {
          v = getters[i].invokeExact((Object) value);
        } catch (Throwable e) {
          throw new IllegalStateException("Cannot read " + names[i] + " of " + value, e);
        }
        out.value(tags[i], v);
      }
    }
  }

  /**
   * Reads one record class as a snapshot wrote it: the snapshot's components in the snapshot's
   * order, mapped by name onto the current record (unknown ones are skipped, missing ones take
   * the default Jackson would give them when reading the journal: 0, false or null).
   */
  static final class ReadPlan<T extends Record> {
    private final Schema<T> schema;
    private final Tag[] writtenTags;
    private final int[] targets;
    private final Object[] defaults;

    ReadPlan(Schema<T> schema, List<String> writtenNames, List<Tag> writtenTags) throws IOException {
      this.schema = schema;
      this.writtenTags = writtenTags.toArray(Tag[]::new);
      this.targets = new int[writtenNames.size()];
      List<String> current = Arrays.asList(schema.names);
      for (int i = 0; i < targets.length; i++) {
        int target = current.indexOf(writtenNames.get(i));
        if (target >= 0 && schema.tags[target] != this.writtenTags[i]) {
          throw new IOException("component " + writtenNames.get(i) + " of " + schema.type.getSimpleName()
              + " has type " + this.writtenTags[i] + " in the snapshot but " + schema.tags[target] + " in this engine");
        }
        targets[i] = target;
      }
      defaults = new Object[schema.names.length];
      for (int i = 0; i < defaults.length; i++) {
        defaults[i] = schema.tags[i].defaultValue();
      }
    }

    @SuppressWarnings("unchecked")
    T read(In in) throws IOException {
      Object[] args = defaults.clone();
      for (int i = 0; i < targets.length; i++) {
        Object v = in.value(writtenTags[i]);
        if (targets[i] >= 0) {
          args[targets[i]] = v;
        }
      }
      try {
        Object built = schema.constructor.invokeExact(args);
        return (T) built;
      } catch (Throwable e) {
        throw new IOException("Cannot build a " + schema.type.getSimpleName() + " from the snapshot", e);
      }
    }
  }

  /** A growing big-endian output buffer. */
  static final class Out {
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private final Map<String, Integer> strings = new HashMap<>();

    private void ensure(int n) {
      if (pos + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
      }
    }

    void int32(int v) {
      ensure(4);
      buf[pos++] = (byte) (v >>> 24);
      buf[pos++] = (byte) (v >>> 16);
      buf[pos++] = (byte) (v >>> 8);
      buf[pos++] = (byte) v;
    }

    /** Unsigned varint for counts and sizes. */
    void varint(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("negative size " + v);
      }
      unsigned(v);
    }

    /** Zig-zag varint: small magnitudes (including -1) take one byte. */
    void varlong(long v) {
      unsigned((v << 1) ^ (v >> 63));
    }

    private void unsigned(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    /** 0 = null, 1 = a new string follows (length, UTF-8), n ≥ 2 = the (n-2)th string written. */
    void string(String s) {
      if (s == null) {
        unsigned(0);
        return;
      }
      Integer ref = strings.get(s);
      if (ref != null) {
        unsigned(ref + 2L);
        return;
      }
      strings.put(s, strings.size());
      unsigned(1);
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      unsigned(bytes.length);
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, pos, bytes.length);
      pos += bytes.length;
    }

    @SuppressWarnings("unchecked")
    void value(Tag tag, Object v) {
      switch (tag) {
        case LONG -> varlong((Long) v);
        case INT -> varlong((Integer) v);
        case BOOLEAN -> {
          ensure(1);
          buf[pos++] = (byte) (((Boolean) v) ? 1 : 0);
        }
        case STRING -> string((String) v);
        case STRING_LIST -> {
          List<String> list = (List<String>) v;
          if (list == null) {
            unsigned(0);
          } else {
            unsigned(list.size() + 1L);
            for (String s : list) {
              string(s);
            }
          }
        }
        case STRING_MAP -> {
          Map<String, String> map = (Map<String, String>) v;
          if (map == null) {
            unsigned(0);
          } else {
            unsigned(map.size() + 1L);
            for (Map.Entry<String, String> e : map.entrySet()) {
              string(e.getKey());
              string(e.getValue());
            }
          }
        }
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, pos);
    }
  }

  /** Reads what {@link Out} wrote; any inconsistency is an {@link IOException}. */
  static final class In {
    private final byte[] buf;
    private int pos;
    private final List<String> strings = new ArrayList<>();

    In(byte[] buf) {
      this.buf = buf;
    }

    private void need(int n) throws IOException {
      if (n < 0 || pos + n > buf.length) {
        throw new IOException("snapshot payload ends early (needs " + n + " bytes at offset " + pos + " of "
            + buf.length + ")");
      }
    }

    int int32() throws IOException {
      need(4);
      int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
          | (buf[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    private long unsigned() throws IOException {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        need(1);
        byte b = buf[pos++];
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IOException("malformed varint at offset " + pos);
    }

    int varint() throws IOException {
      long v = unsigned();
      if (v > Integer.MAX_VALUE) {
        throw new IOException("size " + v + " out of range at offset " + pos);
      }
      return (int) v;
    }

    long varlong() throws IOException {
      long v = unsigned();
      return (v >>> 1) ^ -(v & 1);
    }

    int varintValue() throws IOException {
      long v = varlong();
      if (v != (int) v) {
        throw new IOException("int " + v + " out of range at offset " + pos);
      }
      return (int) v;
    }

    String string() throws IOException {
      long ref = unsigned();
      if (ref == 0) {
        return null;
      }
      if (ref == 1) {
        int length = varint();
        need(length);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        strings.add(s);
        return s;
      }
      if (ref - 2 >= strings.size()) {
        throw new IOException("string reference " + (ref - 2) + " out of range at offset " + pos);
      }
      return strings.get((int) (ref - 2));
    }

    Object value(Tag tag) throws IOException {
      return switch (tag) {
        case LONG -> varlong();
        case INT -> varintValue();
        case BOOLEAN -> {
          need(1);
          yield buf[pos++] != 0;
        }
        case STRING -> string();
        case STRING_LIST -> {
          int n = varint();
          if (n == 0) {
            yield null;
          }
          List<String> list = new ArrayList<>(n - 1);
          for (int i = 1; i < n; i++) {
            list.add(string());
          }
          yield list;
        }
        case STRING_MAP -> {
          int n = varint();
          if (n == 0) {
            yield null;
          }
          Map<String, String> map = new LinkedHashMap<>();
          for (int i = 1; i < n; i++) {
            map.put(string(), string());
          }
          yield map;
        }
      };
    }

    boolean atEnd() {
      return pos == buf.length;
    }

    int position() {
      return pos;
    }
  }

  /** Reads the schema table a snapshot starts with: class name → its components (name, type). */
  static Map<String, ReadPlan<?>> readSchemas(In in, List<Schema<?>> known) throws IOException {
    Map<String, Schema<?>> byName = new HashMap<>();
    for (Schema<?> s : known) {
      byName.put(s.type.getSimpleName(), s);
    }
    Map<String, ReadPlan<?>> plans = new HashMap<>();
    int classes = in.varint();
    for (int c = 0; c < classes; c++) {
      String name = in.string();
      int n = in.varint();
      List<String> names = new ArrayList<>(n);
      List<Tag> tags = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        names.add(in.string());
        tags.add(Tag.of((char) in.varint()));
      }
      Schema<?> schema = byName.get(name);
      if (schema != null) {
        plans.put(name, new ReadPlan<>(schema, names, tags));
      }
    }
    return plans;
  }
}
