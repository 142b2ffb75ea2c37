-- What a budget has spent, kept with its balance: each metered call adds its cost in the transaction that meters
-- it, so reserving the next call reads one row instead of summing every call the budget ever paid for.
alter table gateway_budget_balances add column spent_wei numeric(78, 0) not null default 0;
update gateway_budget_balances b set spent_wei = coalesce(
  (select sum(c.cost_wei) from gateway_calls c where c.budget_id = b.budget_id and c.token = b.token and c.status = 'ok'),
  0);
