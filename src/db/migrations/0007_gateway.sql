-- The metered gateway: a model's or agent's upstream (an OpenAI-compatible endpoint) with its pricing and revenue
-- split; callers' prepaid budgets, held in the task escrow under the budget's own key (projectKey of its id) and
-- mirrored from the escrow's events; every call metered with its execution receipt; and the accruals a call's
-- cost becomes, paid from the caller's budget by the same settlement epochs as approved work.

-- One upstream per asset. The upstream key is stored to call it with and never leaves the server.
create table gateway_endpoints (
  asset_id uuid primary key references assets(id),
  url text not null,                                           -- the upstream's base URL, the part before /chat/completions
  api_key text,                                                -- sent upstream as a bearer token; never presented, never logged
  model text not null,                                         -- the model name the upstream is asked for
  token text not null,                                         -- the currency calls are priced and paid in (checksummed)
  price_per_call_wei numeric(78, 0) not null check (price_per_call_wei >= 0),
  price_per_1k_tokens_wei numeric(78, 0) not null check (price_per_1k_tokens_wei >= 0),
  developer_bps integer not null check (developer_bps between 0 and 10000),
  data_providers_bps integer not null check (data_providers_bps between 0 and 10000),
  validators_bps integer not null check (validators_bps between 0 and 10000),
  updated_by uuid not null references users(id),
  updated_at timestamptz not null,
  check (developer_bps + data_providers_bps + validators_bps = 10000)
);

-- A caller organization's prepaid budget: an escrow keyed by this id, funded from the organization's wallet.
create table gateway_budgets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null unique references organizations(id),
  created_at timestamptz not null
);
-- The budget's escrow per token, as the chain's Funded/Released/Refunded events say (see the trigger below).
create table gateway_budget_balances (
  budget_id uuid not null references gateway_budgets(id),
  token text not null,
  funded_wei numeric(78, 0) not null default 0,
  released_wei numeric(78, 0) not null default 0,
  refunded_wei numeric(78, 0) not null default 0,
  requester text,                                              -- the wallet that funds it (the escrow allows one)
  deadline timestamptz,
  primary key (budget_id, token)
);

-- Every call through the gateway: reserved at its worst-case cost before it goes upstream, then metered from the
-- upstream's usage. The receipt commits to the request and response bytes (sha256) and is signed by the operator.
create table gateway_calls (
  id uuid primary key,
  seq bigint generated always as identity unique,             -- the caller's list's order and cursor
  asset_id uuid not null references assets(id),
  budget_id uuid not null references gateway_budgets(id),
  org_id uuid not null references organizations(id),
  user_id uuid not null references users(id),
  api_key_id uuid references api_keys(id),                     -- null for a call made with a session
  token text not null,
  model text not null,
  status text not null check (status in ('pending', 'ok', 'failed')),
  reserved_wei numeric(78, 0) not null check (reserved_wei >= 0),
  prompt_tokens integer check (prompt_tokens >= 0),
  completion_tokens integer check (completion_tokens >= 0),
  cost_wei numeric(78, 0) not null default 0 check (cost_wei >= 0 and cost_wei <= reserved_wei),
  upstream_status integer,
  error text,
  latency_ms integer,
  request_sha256 text not null,
  response_sha256 text,
  receipt text,                                                -- the canonical JSON the operator signed
  receipt_signature text,
  receipt_signer text,
  created_at timestamptz not null,
  finished_at timestamptz
);
create index gateway_calls_asset on gateway_calls(asset_id, created_at);
create index gateway_calls_user on gateway_calls(user_id, seq desc);
create index gateway_calls_budget on gateway_calls(budget_id, token, status);

-- A call's cost accrues to its payees like approved work, paid from the caller's budget instead of a project's
-- escrow: exactly one of project_id and budget_id names who pays.
alter table accruals alter column project_id drop not null;
alter table accruals add column budget_id uuid references gateway_budgets(id);
alter table accruals add constraint accruals_one_payer check ((project_id is null) <> (budget_id is null));
create index accruals_budget_open on accruals(budget_id, token) where epoch is null and budget_id is not null;

-- Mirrors the escrow's events for keys that are budgets (a project's are mirrored by the settlement store), in the
-- transaction that stores each event once, like the marketplace's mirror in 0006_market.sql.
create function mirror_gateway_escrow() returns trigger language plpgsql as $$
declare
  a jsonb := new.args;
  k text := lower(a->>'projectId');
  budget uuid;
begin
  if k is null or k !~ '^0x[0-9a-f]{32}0{32}$' then
    return null;
  end if;
  select id into budget from gateway_budgets where id = substr(k, 3, 32)::uuid;
  if budget is null then
    return null;
  end if;
  if new.name = 'Funded' then
    insert into gateway_budget_balances (budget_id, token, funded_wei, requester, deadline)
      values (budget, a->>'token', (a->>'received')::numeric, a->>'requester',
        to_timestamp((a->>'deadline')::double precision))
      on conflict (budget_id, token) do update set funded_wei = gateway_budget_balances.funded_wei + excluded.funded_wei,
        requester = excluded.requester, deadline = excluded.deadline;
  elsif new.name = 'Released' then
    update gateway_budget_balances set released_wei = released_wei + (a->>'amount')::numeric
      where budget_id = budget and token = a->>'token';
  elsif new.name = 'Refunded' then
    update gateway_budget_balances set refunded_wei = refunded_wei + (a->>'amount')::numeric
      where budget_id = budget and token = a->>'token';
  end if;
  return null;
end $$;
create trigger chain_events_gateway_escrow after insert on chain_events
  for each row when (new.contract = 'escrow') execute function mirror_gateway_escrow();
