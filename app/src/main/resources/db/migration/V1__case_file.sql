-- The case file. Every table that a person edits carries a version for optimistic locking.
-- Times are timestamptz (UTC); dates without time are date.

create table partner_organisation (
  id            uuid primary key,
  name          varchar(200) not null,
  kind          varchar(40)  not null check (kind in ('GP_PRACTICE', 'ADDICTION_CLINIC', 'MENTAL_HEALTH_SERVICE',
                                                      'REHABILITATION_CENTRE', 'CHARITY', 'OTHER')),
  created_at    timestamptz  not null
);

create table citizen (
  id                  uuid primary key,
  person_identifier   varchar(64)  not null unique,
  full_name           varchar(200) not null,
  preferred_language  varchar(35),
  contact_channel     varchar(20)  not null check (contact_channel in ('PHONE', 'EMAIL', 'LETTER', 'IN_PERSON')),
  contact_detail      varchar(200),
  community_location  varchar(200),
  vulnerability_flags varchar(40)[] not null default '{}',
  created_at          timestamptz  not null,
  version             bigint       not null
);

create table referral (
  id                 uuid primary key,
  citizen_id         uuid         not null references citizen (id),
  partner_id         uuid         not null references partner_organisation (id),
  referrer_name      varchar(200) not null,
  referrer_role      varchar(100),
  reason             text         not null,
  needs              varchar(40)[] not null default '{}',
  health_referred    boolean      not null,
  received_at        timestamptz  not null,
  acknowledged_at    timestamptz,
  intake_started_at  timestamptz,
  version            bigint       not null
);
create index referral_partner on referral (partner_id, received_at desc);
create index referral_intake_pending on referral (received_at) where intake_started_at is null;

-- A repeated submission with the same key returns the first result.
create table idempotency_key (
  partner_id    uuid         not null references partner_organisation (id),
  key           varchar(200) not null,
  request_hash  varchar(64)  not null,
  referral_id   uuid         not null references referral (id),
  created_at    timestamptz  not null,
  primary key (partner_id, key)
);

create table caseworker (
  id                     uuid primary key,
  name                   varchar(200) not null,
  email                  varchar(200) not null unique,
  social_work_qualified  boolean      not null,
  district               varchar(100) not null,
  region                 varchar(100) not null,
  active                 boolean      not null,
  version                bigint       not null
);

-- The cap per caseworker and track, and how many active cases of that track they hold now.
-- Assignment raises active_count with a conditional update, so the cap holds under concurrency.
create table caseload (
  caseworker_id  uuid        not null references caseworker (id),
  track          varchar(40) not null,
  cap            integer     not null check (cap >= 0),
  active_count   integer     not null default 0 check (active_count >= 0),
  primary key (caseworker_id, track),
  check (active_count <= cap)
);

create table case_file (
  id                      uuid primary key,
  citizen_id              uuid        not null references citizen (id),
  referral_id             uuid        not null unique references referral (id),
  rule_set                varchar(40) not null,
  track                   varchar(40) not null check (track in ('JOB_DIRECTED', 'INTERDISCIPLINARY_UNIT')),
  status                  varchar(20) not null check (status in ('AWAITING_COACH', 'ACTIVE', 'CLOSED')),
  benefit_type            varchar(40),
  benefit_start_date      date,
  clarification_deadline  date,
  lasting_solution        varchar(40) check (lasting_solution in ('ORDINARY_WORK', 'FLEX_JOB', 'EDUCATION',
                                                                   'EARLY_RETIREMENT_PENSION', 'OTHER')),
  caseworker_id           uuid references caseworker (id),
  opened_at               timestamptz not null,
  assigned_at             timestamptz,
  closed_at               timestamptz,
  version                 bigint      not null
);
create index case_file_caseworker on case_file (caseworker_id, status);
create index case_file_citizen on case_file (citizen_id);
create index case_file_deadline on case_file (clarification_deadline) where status <> 'CLOSED';

create table waiting_list_entry (
  case_id                     uuid primary key references case_file (id),
  track                       varchar(40) not null,
  needs_social_work_education boolean     not null,
  waiting_since               timestamptz not null
);
create index waiting_list_order on waiting_list_entry (track, waiting_since);

-- Specific consent (data category, source, purpose, case): a generic consent is not valid.
create table consent (
  id             uuid primary key,
  citizen_id     uuid         not null references citizen (id),
  case_id        uuid references case_file (id),
  referral_id    uuid references referral (id),
  data_category  varchar(60)  not null,
  source         varchar(200) not null,
  purpose        varchar(300) not null,
  given_at       timestamptz  not null,
  expires_at     timestamptz,
  withdrawn_at   timestamptz,
  version        bigint       not null,
  check (case_id is not null or referral_id is not null)
);
create index consent_citizen on consent (citizen_id);

-- Deadlines, caps, cadences and offsets, with effective dates, per rule set; never constants in code.
create table policy_rule (
  id              uuid primary key,
  rule_set        varchar(40)  not null,
  key             varchar(100) not null,
  value           varchar(100) not null,
  effective_from  date         not null,
  effective_to    date,
  description     text         not null,
  check (effective_to is null or effective_to > effective_from)
);
create unique index policy_rule_unique on policy_rule (rule_set, key, effective_from);

insert into policy_rule (id, rule_set, key, value, effective_from, description) values
  ('00000000-0000-0000-0000-000000000001', 'DK-2026', 'clarification.max-duration', 'P12M', '2026-01-01',
   'Longest time on cash benefit without a work-capacity assessment and a plan (DS proposal no. 3)'),
  ('00000000-0000-0000-0000-000000000002', 'DK-2026', 'caseload.default-cap.JOB_DIRECTED', '30', '2026-01-01',
   'Default cap of active job-directed cases per caseworker (no statutory cap; a local choice)'),
  ('00000000-0000-0000-0000-000000000003', 'DK-2026', 'caseload.default-cap.INTERDISCIPLINARY_UNIT', '20', '2026-01-01',
   'Default cap of active interdisciplinary-unit cases per caseworker (IPS fidelity: at most 20)'),
  ('00000000-0000-0000-0000-000000000004', 'DK-2026', 'caseload.requires-social-work.INTERDISCIPLINARY_UNIT', 'true',
   '2026-01-01', 'Complex cases need a social-work-qualified caseworker'),
  ('00000000-0000-0000-0000-000000000005', 'DK-2026', 'caseload.requires-social-work.JOB_DIRECTED', 'false',
   '2026-01-01', 'Job-directed cases can go to any caseworker'),
  ('00000000-0000-0000-0000-000000000006', 'DK-2026', 'clarification.warning-offsets', 'P9M,P11M', '2026-01-01',
   'When to warn before the clarification deadline, counted from the benefit start date'),
  ('00000000-0000-0000-0000-000000000007', 'DK-2026', 'intake.first-contact-deadline', 'P7D', '2026-01-01',
   'First contact with the citizen after the referral is received');
