-- What the journeys tell people: reminders and warnings to the case's coach, notices to the managers.
-- Plain language, no health details. One notice per case, kind and dedupe key (a job delivered twice
-- stores one notice).
create table notification (
  id             uuid primary key,
  case_id        uuid         not null references case_file (id),
  recipient_kind varchar(10)  not null check (recipient_kind in ('COACH', 'MANAGER')),
  caseworker_id  uuid references caseworker (id),
  kind           varchar(40)  not null check (kind in ('ROUNDTABLE_REMINDER', 'ROUNDTABLE_OVERDUE',
                                                       'CLARIFICATION_WARNING', 'ANNUAL_REVIEW_DUE')),
  dedupe_key     varchar(100) not null,
  text           text         not null,
  created_at     timestamptz  not null,
  check ((recipient_kind = 'COACH') = (caseworker_id is not null)),
  unique (case_id, kind, dedupe_key)
);
create index notification_caseworker on notification (caseworker_id, created_at desc);
create index notification_managers on notification (created_at desc) where recipient_kind = 'MANAGER';

-- A roundtable meeting recorded by the roundtable journey names the journey instance it came from:
-- one meeting per roundtable request.
alter table roundtable_meeting add column journey_key varchar(40) unique;

-- A plan without a lasting solution is reviewed every year: when the next review is due, per case.
create table annual_review (
  case_id               uuid primary key references case_file (id),
  last_assessment_date  date        not null,
  review_interval       varchar(20) not null,
  due_on                date        not null,
  process_instance_key  bigint,
  recorded_at           timestamptz not null,
  version               bigint      not null
);

insert into policy_rule (id, rule_set, key, value, effective_from, description) values
  ('00000000-0000-0000-0000-000000000015', 'DK-2026', 'review.interval', 'P1Y', '2026-01-01',
   'How often a plan without a lasting solution (work, flex job, pension) is reviewed (DS proposal no. 3)');
