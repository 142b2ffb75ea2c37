-- Discovery shows how many answers each project still takes: (work items × overlap) − work answers so far. Counting
-- the answers on every task listing cost time in proportion to the project's size, so the count is kept with the
-- ledger head, the row every submission already updates under its lock: work answers to non-gold items (gold
-- answers are scored at once and never count against overlap).
alter table ledger_heads add column work_answers bigint not null default 0;
update ledger_heads h set work_answers = (
  select count(*) from answers a where a.project_id = h.project_id and a.kind = 'work' and a.is_correct is null);
