package io.caseway.engine.state;

/** The whole state of the engine's one partition. Only {@link EventAppliers} change it. */
public final class EngineState {
  private final KeyGenerator keys = new KeyGenerator();
  private final DeploymentState deployments = new DeploymentState();
  private final ElementInstanceState elementInstances = new ElementInstanceState();
  private final VariableState variables = new VariableState();
  private final JobState jobs = new JobState();
  private final TimerState timers = new TimerState();
  private final MessageState messages = new MessageState();
  private final IncidentState incidents = new IncidentState();
  private final UserTaskState userTasks = new UserTaskState();
  private final SignalState signals = new SignalState();
  private final CompensationState compensations = new CompensationState();
  private long lastPosition;

  public KeyGenerator keys() { return keys; }
  public DeploymentState deployments() { return deployments; }
  public ElementInstanceState elementInstances() { return elementInstances; }
  public VariableState variables() { return variables; }
  public JobState jobs() { return jobs; }
  public TimerState timers() { return timers; }
  public MessageState messages() { return messages; }
  public IncidentState incidents() { return incidents; }
  public UserTaskState userTasks() { return userTasks; }
  public SignalState signals() { return signals; }
  public CompensationState compensations() { return compensations; }

  /** Empties the state (a purge) except the key generator and the position: keys are never reused. */
  void purge() {
    deployments.clear();
    elementInstances.clear();
    variables.clear();
    jobs.clear();
    timers.clear();
    messages.clear();
    incidents.clear();
    userTasks.clear();
    signals.clear();
    compensations.clear();
  }

  /** Position of the last event applied. */
  public long lastPosition() {
    return lastPosition;
  }

  void setLastPosition(long position) {
    lastPosition = position;
  }
}
