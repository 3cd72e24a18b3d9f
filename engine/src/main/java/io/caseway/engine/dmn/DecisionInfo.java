package io.caseway.engine.dmn;

/** A decision of a parsed DRG. */
public record DecisionInfo(String decisionId, String decisionName) {}
