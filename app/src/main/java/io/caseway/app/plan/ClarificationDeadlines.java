package io.caseway.app.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-year clarification guarantee as managers watch it: open cases whose deadline has passed
 * with no plan ever put in force (missed), and those whose deadline is near with none yet (at risk).
 * A plan put in force, even late, takes a case off both lists.
 */
@Service
@Transactional(readOnly = true)
public class ClarificationDeadlines {
  /** A case on the watch list; {@code caseworker}, {@code district} and {@code region} are null while it waits for one. */
  public record Watched(UUID caseId, LocalDate deadline, String track, String caseworker, String district,
      String region) {}

  /** How many cases each district has missed or is about to miss. */
  public record DistrictCount(String region, String district, long missed, long atRisk) {}

  private static final String WITHOUT_PLAN = """
      from case_file c left join caseworker w on w.id = c.caseworker_id
      where c.status <> 'CLOSED' and c.clarification_deadline is not null and c.clarification_deadline <= :horizon
        and not exists (select 1 from plan p where p.case_id = c.id and p.activated_at is not null)
      """;

  private final JdbcClient jdbc;

  ClarificationDeadlines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Cases without a plan whose deadline is before {@code horizon}, the earliest deadline first; at most {@code limit}. */
  public List<Watched> withoutPlanBefore(LocalDate horizon, int limit) {
    return jdbc.sql("select c.id, c.clarification_deadline, c.track, w.name, w.district, w.region " + WITHOUT_PLAN
            + " order by c.clarification_deadline, c.id limit :limit")
        .param("horizon", horizon).param("limit", limit)
        .query((rs, i) -> new Watched(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
  }

  /** Per district: deadlines passed before {@code today} and those up to {@code horizon}, with no plan. */
  public List<DistrictCount> byDistrict(LocalDate today, LocalDate horizon) {
    return jdbc.sql("select w.region, w.district, count(*) filter (where c.clarification_deadline < :today),"
            + " count(*) filter (where c.clarification_deadline >= :today) " + WITHOUT_PLAN
            + " group by w.region, w.district order by w.region nulls last, w.district nulls last")
        .param("today", today).param("horizon", horizon)
        .query((rs, i) -> new DistrictCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }
}
