package io.caseway.engine.protocol;

/** Marker for the immutable payload of a record. Every implementation is a Java record. */
public interface RecordValue {}
