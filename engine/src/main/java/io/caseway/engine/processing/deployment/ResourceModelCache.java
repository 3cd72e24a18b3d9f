package io.caseway.engine.processing.deployment;

import io.caseway.engine.dmn.DecisionEngine;
import io.caseway.engine.dmn.ParseResult;
import io.caseway.engine.dmn.ParsedDrg;
import io.caseway.engine.model.BpmnTransformer;
import io.caseway.engine.model.ExecutableProcess;
import io.caseway.engine.protocol.value.DecisionRequirementsRecord;
import io.caseway.engine.protocol.value.ProcessRecord;
import io.caseway.engine.state.ResourceModels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses each distinct resource once (by checksum): the deployment processor parses to validate,
 * and the appliers (live and on replay) take the same executable model from here.
 */
public final class ResourceModelCache implements ResourceModels {
  private final BpmnTransformer transformer;
  private final DecisionEngine decisions;
  private final Map<String, List<ExecutableProcess>> processes = new ConcurrentHashMap<>();
  private final Map<String, ParsedDrg> drgs = new ConcurrentHashMap<>();

  public ResourceModelCache(BpmnTransformer transformer, DecisionEngine decisions) {
    this.transformer = transformer;
    this.decisions = decisions;
  }

  public BpmnTransformer.Result transform(String resourceName, byte[] content) {
    String checksum = checksum(content);
    List<ExecutableProcess> cached = processes.get(checksum);
    if (cached != null) {
      return new BpmnTransformer.Result(cached, List.of());
    }
    BpmnTransformer.Result result = transformer.transform(resourceName, content);
    if (!result.failed()) {
      processes.put(checksum, result.processes());
    }
    return result;
  }

  public ParseResult parseDmn(byte[] content) {
    ParseResult result = decisions.parse(content);
    if (result.isSuccess()) {
      drgs.put(checksum(content), result.drg());
    }
    return result;
  }

  @Override
  public ExecutableProcess process(ProcessRecord record) {
    byte[] content = record.resource().getBytes(StandardCharsets.UTF_8);
    BpmnTransformer.Result result = transform(record.resourceName(), content);
    if (result.failed()) {
      throw new IllegalStateException("A deployed process no longer parses: " + result.problems());
    }
    return result.processes().stream().filter(p -> p.bpmnProcessId().equals(record.bpmnProcessId())).findFirst()
        .orElseThrow(() -> new IllegalStateException("Resource " + record.resourceName() + " has no process "
            + record.bpmnProcessId()));
  }

  @Override
  public ParsedDrg decisionRequirements(DecisionRequirementsRecord record) {
    byte[] content = record.resource().getBytes(StandardCharsets.UTF_8);
    ParsedDrg cached = drgs.get(checksum(content));
    if (cached != null) {
      return cached;
    }
    ParseResult result = parseDmn(content);
    if (result.isFailure()) {
      throw new IllegalStateException("A deployed DMN resource no longer parses: " + result.failure());
    }
    return result.drg();
  }

  public static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
