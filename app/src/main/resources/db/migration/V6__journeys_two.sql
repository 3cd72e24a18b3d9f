-- Journeys II: flex jobs, development flex jobs, trying work without fear, the annual review's
-- record, and the sickness benefit's payment history. Periods in weeks are written as days
-- (P91D, not P13W): FEEL's duration() in the journeys does not read weeks.

insert into policy_rule (id, rule_set, key, value, effective_from, description) values
  ('00000000-0000-0000-0000-000000000016', 'DK-2026', 'flex-job.grant-period', 'P5Y', '2026-01-01',
   'How long a first flex-job grant lasts'),
  ('00000000-0000-0000-0000-000000000017', 'DK-2026', 'flex-job.follow-up-interval', 'P30M', '2026-01-01',
   'How often a flex-job grant is followed up (every 2½ years)'),
  ('00000000-0000-0000-0000-000000000018', 'DK-2026', 'flex-job.status-offset', 'P54M', '2026-01-01',
   'When the status before the end of the grant is due, counted from the grant (4½ years)'),
  ('00000000-0000-0000-0000-000000000019', 'DK-2026', 'placement.first-sustainment-milestone', 'P91D', '2026-01-01',
   'First check that a job is sustained: 13 weeks after it started'),
  ('00000000-0000-0000-0000-000000000020', 'DK-2026', 'placement.second-sustainment-milestone', 'P182D', '2026-01-01',
   'Second check that a job is sustained: 26 weeks after it started'),
  ('00000000-0000-0000-0000-000000000021', 'DK-2026', 'development-flex-job.follow-up-interval', 'P28D', '2026-01-01',
   'How often a development flex job is followed up while the clarification goes on (4 weeks; a proposal)'),
  ('00000000-0000-0000-0000-000000000022', 'DK-2026', 'try-work.period', 'P6M', '2026-01-01',
   'How long a job started from benefit is protected: if it ends within this period the case resumes without a new assessment'),
  ('00000000-0000-0000-0000-000000000023', 'DK-2026', 'sickness.first-conversation-deadline', 'P56D', '2026-01-01',
   'First conversation on sickness benefit by the end of week 8 of the sickness'),
  ('00000000-0000-0000-0000-000000000024', 'DK-2026', 'sickness.employer-paid-period', 'P30D', '2026-01-01',
   'The employer-paid days at the start of a sickness, not counted towards the re-assessment'),
  ('00000000-0000-0000-0000-000000000025', 'DK-2026', 'sickness.reassessment-lookback', 'P9M', '2026-01-01',
   'How far back sickness benefit payments count towards the re-assessment'),
  ('00000000-0000-0000-0000-000000000026', 'DK-2026', 'sickness.reassessment-check-interval', 'P7D', '2026-01-01',
   'How often the payment history is checked for the re-assessment');

-- A placement a journey started names the job that started it: a job delivered twice starts one placement.
alter table placement add column start_key bigint unique;

-- While a citizen tries work, the benefit re-assessment is suspended and the case keeps its place.
alter table case_file add column trying_work_since date;

-- The last annual review held: its outcome (the date is the new last assessment date).
alter table annual_review add column last_review_outcome varchar(40);

-- A flex-job grant, one per flex-job-placement journey.
create table flex_job_grant (
  id           uuid primary key,
  case_id      uuid        not null references case_file (id),
  journey_key  bigint      not null unique,
  granted_on   date        not null,
  recorded_at  timestamptz not null
);
create index flex_job_grant_case on flex_job_grant (case_id, granted_on desc);

-- The sickness benefit paid for a case, period by period (both days paid), by the employer or the municipality.
create table sickness_benefit_payment (
  id           uuid primary key,
  case_id      uuid        not null references case_file (id),
  paid_from    date        not null,
  paid_to      date        not null,
  paid_by      varchar(20) not null check (paid_by in ('EMPLOYER', 'MUNICIPALITY')),
  recorded_at  timestamptz not null,
  check (paid_to >= paid_from),
  unique (case_id, paid_from, paid_to)
);

alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind in ('ROUNDTABLE_REMINDER',
  'ROUNDTABLE_OVERDUE', 'CLARIFICATION_WARNING', 'ANNUAL_REVIEW_DUE', 'EMPLOYER_CONTACT', 'TRY_WORK'));
