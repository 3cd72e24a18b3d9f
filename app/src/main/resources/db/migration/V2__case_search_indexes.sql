-- A coach's list: their cases of one status, soonest clarification deadline first.
drop index case_file_caseworker;
create index case_file_caseworker on case_file (caseworker_id, status, clarification_deadline nulls last, opened_at);
