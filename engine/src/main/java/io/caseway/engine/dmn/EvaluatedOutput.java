package io.caseway.engine.dmn;

/** An output of a matched rule: the output's id, its name and the value as JSON. */
public record EvaluatedOutput(String outputId, String outputName, String valueJson) {}
