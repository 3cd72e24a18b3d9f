package io.caseway.engine.dmn;

/** An input of a decision table as evaluated: its id, its label (or expression) and value as JSON. */
public record EvaluatedInput(String inputId, String inputName, String valueJson) {}
