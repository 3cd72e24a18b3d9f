package io.caseway.engine.processing.job;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnJobBehavior;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.ValueType;
import io.caseway.engine.protocol.intent.JobBatchIntent;
import io.caseway.engine.protocol.value.JobBatchRecord;
import io.caseway.engine.protocol.value.JobRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * ActivateJobs: hands up to {@code maxJobsToActivate} activatable jobs of a type to a worker, in the
 * order they became activatable, each with a deadline of now + timeout. An empty answer is not an
 * event; the gateway then long-polls.
 */
public final class JobBatchActivateProcessor implements CommandProcessor {
  private final BpmnJobBehavior jobs;

  public JobBatchActivateProcessor(BpmnJobBehavior jobs) {
    this.jobs = jobs;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    JobBatchRecord request = command.valueAs(JobBatchRecord.class);
    if (request.type() == null || request.type().isBlank()) {
      throw Rejection.invalidArgument("Expected to activate jobs of a type, but the type was empty");
    }
    if (request.timeout() < 1) {
      throw Rejection.invalidArgument("Expected the job timeout to be greater than zero, but it was " + request.timeout());
    }
    if (request.maxJobsToActivate() < 1) {
      throw Rejection.invalidArgument("Expected maxJobsToActivate to be greater than zero, but it was "
          + request.maxJobsToActivate());
    }
    List<Long> keys = new ArrayList<>();
    List<JobRecord> activated = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    for (long key : ctx.state().jobs().activatable(request.type())) {
      if (keys.size() >= request.maxJobsToActivate()) {
        break;
      }
      JobRecord job = ctx.state().jobs().get(key).record()
          .withActivation(request.worker(), ctx.now() + request.timeout(), request.timeout());
      keys.add(key);
      activated.add(job);
      variables.add(jobs.jobVariables(ctx, job, request.fetchVariables()));
    }
    JobBatchRecord batch = new JobBatchRecord(request.type(), request.worker(), request.timeout(),
        request.maxJobsToActivate(), request.fetchVariables(), keys, activated, variables);
    if (keys.isEmpty()) {
      ctx.respond(new Record(-1, -1, ctx.now(), RecordType.EVENT, ValueType.JOB_BATCH, JobBatchIntent.ACTIVATED,
          batch, null, null));
    } else {
      ctx.respond(ctx.event(ctx.newKey(), JobBatchIntent.ACTIVATED, batch));
    }
  }
}
