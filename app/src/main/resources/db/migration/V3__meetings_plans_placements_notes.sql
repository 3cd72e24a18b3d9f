-- The rest of the case file: the citizen's own health self-assessment, roundtable meetings,
-- plans, employers and vacancies, placements with their 13- and 26-week checks, journal notes,
-- and the outcome events the dashboards count.

create table health_self_assessment (
  id                     uuid primary key,
  case_id                uuid        not null references case_file (id),
  recorded_at            timestamptz not null,
  work_capacity_rating   smallint    not null check (work_capacity_rating between 0 and 10),
  hours_per_week_possible numeric(4,1) check (hours_per_week_possible >= 0 and hours_per_week_possible <= 80),
  limitations            text        not null,
  wishes                 text,
  version                bigint      not null
);
create index health_self_assessment_case on health_self_assessment (case_id, recorded_at desc);

create table roundtable_meeting (
  id                   uuid primary key,
  case_id              uuid         not null references case_file (id),
  status               varchar(20)  not null check (status in ('PLANNED', 'HELD', 'DECIDED', 'CANCELLED')),
  scheduled_at         timestamptz  not null,
  place                varchar(200) not null,
  companion_name       varchar(200),
  minutes              text,
  recommendation       varchar(40),
  recommendation_notes text,
  held_at              timestamptz,
  decision             varchar(40),
  decision_notes       text,
  decided_by           varchar(200),
  decided_at           timestamptz,
  version              bigint       not null
);
create index roundtable_meeting_case on roundtable_meeting (case_id, scheduled_at);

create table meeting_participant (
  meeting_id  uuid         not null references roundtable_meeting (id) on delete cascade,
  role        varchar(30)  not null check (role in ('CITIZEN', 'CASEWORKER', 'HEALTH_COORDINATOR', 'DOCTOR',
                                                    'SOCIAL_WORKER', 'OTHER')),
  name        varchar(200) not null,
  primary key (meeting_id, role, name)
);

create table plan (
  id            uuid primary key,
  case_id       uuid        not null references case_file (id),
  type          varchar(40) not null check (type in ('JOB_DIRECTED', 'INTERDISCIPLINARY', 'RETRAINING', 'FLEX_JOB',
                                                     'DEVELOPMENT_FLEX_JOB', 'EARLY_RETIREMENT_PENSION')),
  status        varchar(20) not null check (status in ('DRAFT', 'ACTIVE', 'COMPLETED', 'REPLACED')),
  created_at    timestamptz not null,
  activated_at  timestamptz,
  ended_at      timestamptz,
  version       bigint      not null
);
create index plan_case on plan (case_id, created_at desc);
create unique index plan_one_active on plan (case_id) where status = 'ACTIVE';

create table plan_item (
  plan_id      uuid         not null references plan (id) on delete cascade,
  position     integer      not null,
  kind         varchar(10)  not null check (kind in ('GOAL', 'STEP')),
  description  varchar(500) not null,
  due_date     date,
  primary key (plan_id, position)
);

create table employer (
  id                   uuid primary key,
  name                 varchar(200) not null,
  registration_number  varchar(20)  unique,
  district             varchar(100) not null,
  contact              varchar(200),
  created_at           timestamptz  not null
);

create table vacancy (
  id                  uuid primary key,
  employer_id         uuid         not null references employer (id),
  title               varchar(200) not null,
  hours_per_week      numeric(4,1) not null check (hours_per_week > 0 and hours_per_week <= 80),
  flex_job_possible   boolean      not null,
  open                boolean      not null,
  created_at          timestamptz  not null
);
create index vacancy_open on vacancy (employer_id) where open;

create table placement (
  id                   uuid primary key,
  case_id              uuid         not null references case_file (id),
  employer_id          uuid         not null references employer (id),
  vacancy_id           uuid references vacancy (id),
  kind                 varchar(30)  not null check (kind in ('ORDINARY', 'FLEX_JOB', 'DEVELOPMENT_FLEX_JOB')),
  hours_per_week       numeric(4,1) not null check (hours_per_week > 0 and hours_per_week <= 80),
  started_on           date         not null,
  sustained_13_weeks   boolean,
  sustained_26_weeks   boolean,
  ended_on             date,
  end_reason           varchar(300),
  version              bigint       not null,
  check (ended_on is null or ended_on >= started_on)
);
create index placement_case on placement (case_id, started_on desc);

create table journal_note (
  id            uuid primary key,
  case_id       uuid         not null references case_file (id),
  author        varchar(200) not null,
  written_at    timestamptz  not null,
  body          text         not null,
  confidential  boolean      not null,
  version       bigint       not null
);
create index journal_note_case on journal_note (case_id, written_at desc);

-- What the dashboards count: outcomes, not meetings. One event of a kind per case and day.
create table outcome_event (
  id           uuid primary key,
  case_id      uuid        not null references case_file (id),
  kind         varchar(30) not null check (kind in ('INTO_WORK', 'SUSTAINED_13_WEEKS', 'SUSTAINED_26_WEEKS',
                                                    'LASTING_SOLUTION')),
  occurred_on  date        not null,
  recorded_at  timestamptz not null,
  district     varchar(100),
  region       varchar(100),
  unique (case_id, kind, occurred_on)
);
create index outcome_event_by_area on outcome_event (kind, occurred_on, region, district);
