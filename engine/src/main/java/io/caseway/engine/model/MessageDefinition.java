package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;

/** A message event definition: the message name and (for catch events) the correlation key. */
public record MessageDefinition(Expression name, Expression correlationKey) {}
