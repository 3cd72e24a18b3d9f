-- The intake journey (referral-intake.bpmn) needs from a referral: which health data sources it asks
-- Caseway to obtain data from (each passes a consent gate), and the citizen's benefit, whose start date
-- starts the clarification guarantee's clock.
alter table referral add column data_sources varchar(200)[] not null default '{}';
alter table referral add column benefit_type varchar(40);
alter table referral add column benefit_start_date date;

-- What the citizen was told when they refused consent for a data source: once per referral and source.
create table consent_refusal_notice (
  id           uuid primary key,
  referral_id  uuid         not null references referral (id),
  citizen_id   uuid         not null references citizen (id),
  data_source  varchar(200) not null,
  text         text         not null,
  told_at      timestamptz  not null,
  unique (referral_id, data_source)
);
create index consent_refusal_notice_citizen on consent_refusal_notice (citizen_id);

insert into policy_rule (id, rule_set, key, value, effective_from, description) values
  ('00000000-0000-0000-0000-000000000011', 'DK-2026', 'intake.consent-request-deadline', 'P14D', '2026-01-01',
   'How long the citizen has to answer a request for consent to a health data source before support goes on without it'),
  ('00000000-0000-0000-0000-000000000012', 'DK-2026', 'intake.waiting-list-escalation', 'P5D', '2026-01-01',
   'How long a case may wait for a caseworker with room before a manager is asked to act'),
  ('00000000-0000-0000-0000-000000000013', 'DK-2026', 'roundtable.deadline', 'P30D', '2026-01-01',
   'By when a roundtable meeting must be held (the GP certificate it replaces was measured against 30 days)'),
  ('00000000-0000-0000-0000-000000000014', 'DK-2026', 'roundtable.reminder-interval', 'P7D', '2026-01-01',
   'How often the coach is reminded while a roundtable meeting is not yet scheduled');
