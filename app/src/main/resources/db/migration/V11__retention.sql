-- Retention per case track, counted from the case's closure; the erasure job (RetentionJob) erases a
-- case's personal data once the period has run out and keeps the case itself as a tombstone: id,
-- track, rule set, dates, lasting solution, caseworker, and when it was erased. The access log is
-- not touched (append-only), so its record ids keep pointing at the tombstone.
alter table case_file add column erased_at timestamptz;
create index case_file_retention on case_file (closed_at) where status = 'CLOSED' and erased_at is null;

-- The citizen an erased case and its referral point at once the citizen's own details are gone: no
-- person, only a placeholder ('#erased' is no valid person identifier, so no referral can match it).
insert into citizen (id, person_identifier, full_name, contact_channel, created_at, version) values
  ('00000000-0000-0000-0000-0000000000ee', '#erased', 'Erased citizen', 'LETTER', now(), 0)
  on conflict do nothing;

insert into policy_rule (id, rule_set, key, value, effective_from, description) values
  ('00000000-0000-0000-0000-000000000027', 'DK-2026', 'retention.JOB_DIRECTED', 'P5Y', '2026-01-01',
   'How long a closed job-directed case keeps its personal data, counted from its closure. A local decision,'
   || ' to be confirmed with the data protection officer (and the archive authority before any transfer)'),
  ('00000000-0000-0000-0000-000000000028', 'DK-2026', 'retention.INTERDISCIPLINARY_UNIT', 'P5Y', '2026-01-01',
   'How long a closed interdisciplinary-unit case keeps its personal and health data, counted from its closure.'
   || ' A local decision, to be confirmed with the data protection officer (and the archive authority before any transfer)');
