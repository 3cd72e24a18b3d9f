package io.caseway.app.audit;

import io.caseway.app.security.CasewayUser;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log of personal data. Each entry is written in a transaction of its own, so a refused
 * or failed request still leaves its entry; appends are serialised by a transaction-scoped advisory
 * lock, so the chain has no forks.
 */
@Service
public class AuditLog {
  /** The hash before the first entry. */
  static final String GENESIS = "0".repeat(64);
  private static final long CHAIN_LOCK = 0x4341_5345_5741_5901L; // "CASEWAY" + 1

  /** What was done with a record. */
  public enum Action { READ, SEARCH, WRITE, EXPORT, ERASE }

  /** Whether the chain is intact; {@code firstBrokenSeq} is the first entry that does not match, or -1. */
  public record Verification(boolean intact, long entries, long firstBrokenSeq) {}

  private final AuditEntryRepository entries;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuditLog(AuditEntryRepository entries, JdbcTemplate jdbc, Clock clock) {
    this.entries = entries;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(CasewayUser who, Action action, String recordType, Object recordId, UUID citizenId,
      String purpose, boolean allowed) {
    record(who.username(), who.role().name(), action, recordType, recordId, citizenId, purpose, allowed);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String actor, String actorRole, Action action, String recordType, Object recordId,
      UUID citizenId, String purpose, boolean allowed) {
    append(actor, actorRole, action, recordType, recordId, citizenId, purpose, allowed);
  }

  /**
   * For a change that must not commit without its entry, nor the entry without the change (an
   * erasure): appended in the caller's transaction, which holds the chain's lock until it ends.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordWithinTransaction(String actor, String actorRole, Action action, String recordType,
      Object recordId, UUID citizenId, String purpose) {
    append(actor, actorRole, action, recordType, recordId, citizenId, purpose, true);
  }

  private void append(String actor, String actorRole, Action action, String recordType, Object recordId,
      UUID citizenId, String purpose, boolean allowed) {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CHAIN_LOCK);
    AuditEntry last = entries.findTopByOrderBySeqDesc().orElse(null);
    long seq = last == null ? 1 : last.seq() + 1;
    entries.save(new AuditEntry(seq, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor, actorRole, action.name(), recordType,
        recordId == null ? null : recordId.toString(), citizenId, purpose, allowed,
        last == null ? GENESIS : last.hash()));
  }

  /** Who consulted a citizen's records, when and why: for the citizen (CJEU C-579/21). */
  @Transactional(readOnly = true)
  public List<AuditEntry> ofCitizen(UUID citizenId) {
    return entries.findByCitizenIdOrderBySeq(citizenId);
  }

  /** Recomputes every hash in order; a changed, inserted or removed row shows as the first entry that does not match. */
  @Transactional(readOnly = true)
  public Verification verify() {
    String previous = GENESIS;
    long expectedSeq = 1;
    long count = 0;
    long after = 0;
    while (true) {
      List<AuditEntry> page = entries.page(after, Limit.of(1000));
      if (page.isEmpty()) {
        return new Verification(true, count, -1);
      }
      for (AuditEntry e : page) {
        if (e.seq() != expectedSeq || !e.prevHash().equals(previous) || !e.computeHash().equals(e.hash())) {
          return new Verification(false, count, e.seq());
        }
        previous = e.hash();
        expectedSeq++;
        count++;
        after = e.seq();
      }
    }
  }
}
