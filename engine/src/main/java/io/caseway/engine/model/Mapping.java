package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;

/** A zeebe:input or zeebe:output mapping: evaluate source, write to target (a name or a path a.b.c). */
public record Mapping(Expression source, String target) {}
