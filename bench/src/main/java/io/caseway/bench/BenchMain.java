package io.caseway.bench;

/**
 * Entry point: {@code BenchMain NAME [key=value ...]}. Run through Maven with
 * {@code ./mvnw -q -Pbench -pl bench -am process-classes -Dbench=NAME [-Dbench.args="k=v ..."]};
 * see docs/benchmarks.md for the figures and the exact commands.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String name = args.length == 0 ? "help" : args[0];
    BenchSupport.Options options = new BenchSupport.Options(args, 1);
    try {
      dispatch(name, options);
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0); // the client's and engine's non-daemon threads must not keep the JVM alive
  }

  private static void dispatch(String name, BenchSupport.Options options) throws Exception {
    switch (name) {
      case "throughput" -> ThroughputBench.run(options);
      case "latency" -> LatencyBench.run(options);
      case "timers" -> TimersBench.run(options);
      case "restart-child" -> TimersBench.restartChild(options);
      case "fsync" -> FsyncBench.run(options);
      case "caseload" -> CaseloadBench.run(options);
      case "jfr-summary" -> JfrSummary.run(options);
      default -> {
        System.out.println("""
            Benchmarks (durable journal on, everything on 127.0.0.1, a fresh temp data directory each):
              throughput   start -> 3 service tasks -> end, JobWorkers, instances/s  [mode=poll|stream|both warmup= seconds= inflight= maxJobsActive= pollInterval= journalStats=true restart=true]
              latency      job created -> worker handler, p50/p99/max              [mode=poll|stream|both rate= warmup= seconds= maxJobsActive= pollInterval=]
              timers       heap per waiting timer instance and restart time        [count= inflight= restartJfr=PATH]
              fsync        cost of one write+force on this disk                    [count= bytes=]
              caseload     the app's caseload and case-search queries on PostgreSQL  [cases= caseworkers= samples= url= regenerate=true]
              jfr-summary  summarise a JFR recording's method samples              file=PATH [top= thread=]""");
        if (!"help".equals(name)) {
          System.exit(2);
        }
      }
    }
  }
}
