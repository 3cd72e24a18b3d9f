package io.caseway.engine.protocol;

/** Why a command was refused. The gateways map each to a gRPC status and an HTTP status. */
public enum RejectionType {
  INVALID_ARGUMENT,
  NOT_FOUND,
  ALREADY_EXISTS,
  INVALID_STATE,
  PROCESSING_ERROR
}
