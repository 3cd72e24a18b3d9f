package io.caseway.engine.protocol;

/** Keys look like those of partition 1 of a Camunda cluster, so clients decode partition 1. */
public final class Keys {
  public static final int PARTITION_ID = 1;
  private static final int PARTITION_BITS = 51;
  public static final long FIRST_KEY = ((long) PARTITION_ID << PARTITION_BITS) + 1;

  private Keys() {}

  public static boolean isValid(long key) {
    return (key >> PARTITION_BITS) == PARTITION_ID;
  }
}
