package io.caseway.bench;

import io.caseway.app.CasewayApplication;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseSearch;
import io.caseway.app.casefile.CaseStatus;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.plan.ClarificationDeadlines;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Caseload and case-search queries of the app, through its own services, against PostgreSQL with
 * {@code cases} cases (default 1,000,000) and {@code caseworkers} caseworkers (default 10,000) in the
 * schema {@code caseway_bench} of the database {@code test}. The data is generated with SQL once and
 * reused while its counts match ({@code regenerate=true} forces it).
 */
final class CaseloadBench {
  private CaseloadBench() {}

  static void run(BenchSupport.Options options) {
    int cases = options.integer("cases", 1_000_000);
    int caseworkers = options.integer("caseworkers", 10_000);
    int samples = options.integer("samples", 2000);
    String url = options.string("url", "jdbc:postgresql://127.0.0.1:5432/test");
    // command-line arguments outrank the app's application.yaml
    String[] arguments = {
        "--spring.datasource.url=" + url + "?currentSchema=caseway_bench",
        "--spring.datasource.username=postgres",
        "--spring.flyway.schemas=caseway_bench",
        "--spring.jpa.properties.hibernate.default_schema=caseway_bench",
        "--caseway.engine.embedded=false",
        "--caseway.processes.deploy-on-start=false",
        "--caseway.database.embedded-fallback=false",
        "--camunda.client.worker.defaults.enabled=false",
        "--caseway.intake.sweep-interval=PT1H",
        "--logging.level.root=WARN"};
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CasewayApplication.class)
        .web(WebApplicationType.NONE)
        .run(arguments)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      generate(jdbc, cases, caseworkers, Boolean.parseBoolean(options.string("regenerate", "false")));
      plans(jdbc);
      List<UUID> workerIds = jdbc.queryForList("select id from caseworker", UUID.class);
      List<UUID> citizenIds = jdbc.queryForList("select citizen_id from case_file tablesample system (1) limit 5000",
          UUID.class);
      CaseFiles caseFiles = app.getBean(CaseFiles.class);
      Caseworkers caseworkerService = app.getBean(Caseworkers.class);
      LocalDate soon = LocalDate.now().plusDays(60);

      System.out.printf("data: %,d cases, %,d caseworkers; %d samples per query after %d warm-up%n",
          jdbc.queryForObject("select count(*) from case_file", Long.class), workerIds.size(), samples, samples / 4);
      measure("caseworker with caseload against caps", samples, () -> caseworkerService.get(pick(workerIds)));
      measure("coach's active cases, page of 20, soonest deadline first", samples,
          () -> caseFiles.search(new CaseSearch(pick(workerIds), CaseStatus.ACTIVE, null, null, null), 0, 20));
      measure("a citizen's cases", samples,
          () -> caseFiles.search(new CaseSearch(null, null, null, pick(citizenIds), null), 0, 20));
      measure("a coach's cases with the deadline within 60 days", samples,
          () -> caseFiles.search(new CaseSearch(pick(workerIds), null, null, null, soon), 0, 20));
      measure("all open cases with the deadline within 60 days, first page", samples / 4,
          () -> caseFiles.search(new CaseSearch(null, null, null, null, soon), 0, 20));
      // the managers' dashboard: deadlines missed or near with no plan put in force
      ClarificationDeadlines deadlines = app.getBean(ClarificationDeadlines.class);
      LocalDate today = LocalDate.now();
      measure("dashboard: cases without a plan, deadline within 60 days, first 50", samples / 10,
          () -> deadlines.withoutPlanBefore(soon, 50));
      measure("dashboard: missed and at-risk counts by district", samples / 10,
          () -> deadlines.byDistrict(today, soon));
    }
  }

  private static <T> T pick(List<T> from) {
    return from.get(ThreadLocalRandom.current().nextInt(from.size()));
  }

  private static void measure(String name, int samples, Supplier<?> query) {
    for (int i = 0; i < samples / 4; i++) {
      query.get();
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      query.get();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("RESULT %-62s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name,
        BenchSupport.percentile(nanos, 50) / 1e6, BenchSupport.percentile(nanos, 95) / 1e6,
        BenchSupport.percentile(nanos, 99) / 1e6, nanos[nanos.length - 1] / 1e6);
  }

  /** Half the open cases have a plan in force (once; the dashboard's deadline watch skips them). */
  private static void plans(JdbcTemplate jdbc) {
    if (jdbc.queryForObject("select count(*) from plan", Long.class) > 0) {
      return;
    }
    long started = System.nanoTime();
    jdbc.execute("insert into plan (id, case_id, type, status, created_at, activated_at, version)"
        + " select gen_random_uuid(), id, 'JOB_DIRECTED', 'ACTIVE', now(), now(), 0 from case_file"
        + " where status = 'ACTIVE' and random() < 0.5");
    jdbc.execute("analyze plan");
    System.out.printf("generated %,d plans in %.1f s%n", jdbc.queryForObject("select count(*) from plan", Long.class),
        (System.nanoTime() - started) / 1e9);
  }

  private static void generate(JdbcTemplate jdbc, int cases, int caseworkers, boolean regenerate) {
    long haveCases = jdbc.queryForObject("select count(*) from case_file", Long.class);
    long haveWorkers = jdbc.queryForObject("select count(*) from caseworker", Long.class);
    if (!regenerate && haveCases == cases && haveWorkers == caseworkers) {
      return;
    }
    long started = System.nanoTime();
    System.out.printf("generating %,d cases and %,d caseworkers ...%n", cases, caseworkers);
    List<String> sql = new ArrayList<>(List.of(
        "truncate plan_item, plan, waiting_list_entry, consent, idempotency_key, case_file, referral, citizen, caseload, caseworker,"
            + " partner_organisation cascade",
        "insert into partner_organisation (id, name, kind, created_at) values"
            + " ('00000000-0000-0000-0000-0000000000aa', 'Bench GP', 'GP_PRACTICE', now())",
        "insert into caseworker (id, name, email, social_work_qualified, district, region, active, version)"
            + " select gen_random_uuid(), 'Caseworker ' || i, 'cw' || i || '@bench.test', i % 3 = 0,"
            + " 'District ' || (i % 100), 'Region ' || (i % 5), true, 0 from generate_series(1, " + caseworkers + ") i",
        "create temporary table bench_worker as select row_number() over (order by id) as n, id from caseworker",
        "insert into citizen (id, person_identifier, full_name, contact_channel, created_at, version)"
            + " select gen_random_uuid(), 'B' || i, 'Citizen ' || i, 'PHONE', now(), 0"
            + " from generate_series(1, " + cases + ") i",
        "insert into referral (id, citizen_id, partner_id, referrer_name, reason, health_referred, received_at,"
            + " intake_started_at, version)"
            + " select gen_random_uuid(), id, '00000000-0000-0000-0000-0000000000aa', 'Dr. Bench', 'Bench',"
            + " true, now(), now(), 0 from citizen",
        "insert into case_file (id, citizen_id, referral_id, rule_set, track, status, benefit_type,"
            + " benefit_start_date, clarification_deadline, caseworker_id, opened_at, assigned_at, closed_at, version)"
            + " select gen_random_uuid(), r.citizen_id, r.referral_id, 'DK-2026', t.track, t.status, 'CASH_BENEFIT',"
            + " t.start, t.start + interval '12 months', case when t.status = 'AWAITING_COACH' then null else w.id end,"
            + " now(), now(), case when t.status = 'CLOSED' then now() end, 0"
            + " from (select citizen_id, id as referral_id, row_number() over () as n from referral) r"
            + " cross join lateral (select case when random() < 0.4 then 'INTERDISCIPLINARY_UNIT' else 'JOB_DIRECTED'"
            + " end as track, case when r.n % 20 = 0 then 'AWAITING_COACH' when r.n % 3 = 0 then 'CLOSED'"
            + " else 'ACTIVE' end as status, (date '2025-06-01' + (random() * 540)::int) as start) t"
            + " join bench_worker w on w.n = 1 + (r.n * 7919) % " + caseworkers,
        "insert into caseload (caseworker_id, track, cap, active_count)"
            + " select w.id, t.track, 1000, (select count(*) from case_file c where c.caseworker_id = w.id"
            + " and c.track = t.track and c.status = 'ACTIVE')"
            + " from caseworker w cross join (values ('JOB_DIRECTED'), ('INTERDISCIPLINARY_UNIT')) t(track)",
        "analyze"));
    for (String statement : sql) {
      jdbc.execute(statement);
    }
    System.out.printf("generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }
}
