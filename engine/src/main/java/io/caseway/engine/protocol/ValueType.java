package io.caseway.engine.protocol;

import io.caseway.engine.protocol.intent.*;
import io.caseway.engine.protocol.value.*;
import java.util.HashMap;
import java.util.Map;

/** The kinds of record values, each with its value class and intent enum (used by the journal codec). */
public enum ValueType {
  DEPLOYMENT(DeploymentRecord.class, DeploymentIntent.class),
  PROCESS(ProcessRecord.class, ProcessIntent.class),
  DECISION_REQUIREMENTS(DecisionRequirementsRecord.class, DecisionRequirementsIntent.class),
  DECISION(DecisionRecord.class, DecisionIntent.class),
  FORM(FormRecord.class, FormIntent.class),
  RESOURCE_DELETION(ResourceDeletionRecord.class, ResourceDeletionIntent.class),
  PROCESS_INSTANCE(ProcessInstanceRecord.class, ProcessInstanceIntent.class),
  PROCESS_INSTANCE_CREATION(ProcessInstanceCreationRecord.class, ProcessInstanceCreationIntent.class),
  JOB(JobRecord.class, JobIntent.class),
  JOB_BATCH(JobBatchRecord.class, JobBatchIntent.class),
  TIMER(TimerRecord.class, TimerIntent.class),
  MESSAGE(MessageRecord.class, MessageIntent.class),
  MESSAGE_SUBSCRIPTION(MessageSubscriptionRecord.class, MessageSubscriptionIntent.class),
  MESSAGE_START_EVENT_SUBSCRIPTION(
      MessageStartEventSubscriptionRecord.class, MessageStartEventSubscriptionIntent.class),
  VARIABLE(VariableRecord.class, VariableIntent.class),
  VARIABLE_DOCUMENT(VariableDocumentRecord.class, VariableDocumentIntent.class),
  INCIDENT(IncidentRecord.class, IncidentIntent.class),
  USER_TASK(UserTaskRecord.class, UserTaskIntent.class),
  PROCESS_EVENT(ProcessEventRecord.class, ProcessEventIntent.class),
  CLOCK(ClockRecord.class, ClockIntent.class),
  DECISION_EVALUATION(DecisionEvaluationRecord.class, DecisionEvaluationIntent.class),
  MESSAGE_CORRELATION(MessageCorrelationRecord.class, MessageCorrelationIntent.class),
  PURGE(PurgeRecord.class, PurgeIntent.class),
  SIGNAL(io.caseway.engine.protocol.value.SignalRecord.class, io.caseway.engine.protocol.intent.SignalIntent.class),
  SIGNAL_SUBSCRIPTION(io.caseway.engine.protocol.value.SignalSubscriptionRecord.class,
      io.caseway.engine.protocol.intent.SignalSubscriptionIntent.class),
  AD_HOC_SUB_PROCESS_INSTRUCTION(io.caseway.engine.protocol.value.AdHocSubProcessInstructionRecord.class,
      io.caseway.engine.protocol.intent.AdHocSubProcessInstructionIntent.class),
  COMPENSATION_SUBSCRIPTION(io.caseway.engine.protocol.value.CompensationSubscriptionRecord.class,
      io.caseway.engine.protocol.intent.CompensationSubscriptionIntent.class),
  ESCALATION(io.caseway.engine.protocol.value.EscalationRecord.class,
      io.caseway.engine.protocol.intent.EscalationIntent.class);

  private static final Map<Class<?>, ValueType> BY_CLASS = new HashMap<>();

  static {
    for (ValueType t : values()) {
      BY_CLASS.put(t.valueClass, t);
    }
  }

  private final Class<? extends RecordValue> valueClass;
  private final Class<? extends Enum<?>> intentClass;

  <E extends Enum<E> & Intent> ValueType(Class<? extends RecordValue> valueClass, Class<E> intentClass) {
    this.valueClass = valueClass;
    this.intentClass = intentClass;
  }

  public Class<? extends RecordValue> valueClass() {
    return valueClass;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public Intent intent(String name) {
    return (Intent) Enum.valueOf((Class) intentClass, name);
  }

  public static ValueType of(RecordValue value) {
    ValueType t = BY_CLASS.get(value.getClass());
    if (t == null) {
      throw new IllegalArgumentException("No value type for " + value.getClass());
    }
    return t;
  }
}
