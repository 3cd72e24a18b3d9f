-- People and API clients who sign in with a password (the embedded default; with OpenID Connect the
-- provider signs them in). A user is linked to what their role acts on.
create table app_user (
  username       varchar(100) primary key,
  password_hash  varchar(200) not null,
  role           varchar(40)  not null,
  display_name   varchar(200) not null,
  caseworker_id  uuid references caseworker (id),
  partner_id     uuid references partner_organisation (id),
  citizen_id     uuid references citizen (id),
  enabled        boolean      not null default true,
  check ((role in ('COACH', 'SOCIAL_WORKER')) = (caseworker_id is not null)),
  check ((role = 'HEALTH_PARTNER') = (partner_id is not null)),
  check ((role = 'CITIZEN') = (citizen_id is not null))
);

-- A case shared with someone who is not its caseworker: a colleague, or a roundtable's health coordinator.
create table case_access_grant (
  case_id     uuid         not null references case_file (id),
  username    varchar(100) not null,
  reason      varchar(200) not null,
  granted_by  varchar(100) not null,
  granted_at  timestamptz  not null,
  primary key (case_id, username)
);

-- Every read, search and write of personal data, allowed or refused: who, when, which record, for
-- what purpose. Append-only (a trigger refuses updates and deletes) and hash-chained: each row's hash
-- covers its content and the previous row's hash, so a changed or removed row breaks the chain.
create table audit_log (
  seq          bigint       primary key,
  at           timestamptz  not null,
  actor        varchar(100) not null,
  actor_role   varchar(40)  not null,
  action       varchar(40)  not null,
  record_type  varchar(40)  not null,
  record_id    varchar(100),
  citizen_id   uuid,
  purpose      varchar(200) not null,
  allowed      boolean      not null,
  prev_hash    varchar(64)  not null,
  hash         varchar(64)  not null
);
create index audit_log_citizen on audit_log (citizen_id, seq);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op;
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
