package io.caseway.engine.state;

import io.caseway.engine.dmn.ParsedDrg;
import io.caseway.engine.model.ExecutableProcess;
import io.caseway.engine.protocol.value.DecisionRequirementsRecord;
import io.caseway.engine.protocol.value.ProcessRecord;

/** Turns deployed resources into executable models; appliers use it to rebuild them on replay. */
public interface ResourceModels {
  ExecutableProcess process(ProcessRecord record);

  ParsedDrg decisionRequirements(DecisionRequirementsRecord record);
}
