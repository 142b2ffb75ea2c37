-- Money and proofs on chain: escrow funding, reward accruals, settlement epochs, claims, stakes, badges and
-- provenance batches. Chain events are mirrored here; the chain stays the source of truth and every mirror
-- can be rebuilt from its events.

-- Dual-reward projects pay a partner token beside the platform token; token gates ask for a badge, a
-- token balance or a locked stake before work is offered.
alter table projects
  add column partner_token text,                               -- checksummed ERC-20 address
  add column partner_reward_per_item_wei numeric(78, 0) not null default 0 check (partner_reward_per_item_wei >= 0),
  add column min_stake_wei numeric(78, 0) not null default 0 check (min_stake_wei >= 0),
  add column required_badge_tier integer check (required_badge_tier between 0 and 255),
  add column gate_token text,                                  -- an ERC-20 the contributor must hold …
  add column gate_min_balance_wei numeric(78, 0) not null default 0, -- … at least this much of
  -- what the project's answers so far may cost (reward × answers not rejected, and live leases), refreshed by
  -- each quality pass; paid work is offered only while the escrow holds more than this
  add column committed_wei numeric(78, 0) not null default 0,
  add column partner_committed_wei numeric(78, 0) not null default 0;

-- Every operator transaction, journaled before it is broadcast: the signed bytes are kept, so a crash at any
-- step resumes by re-sending the very same transaction (same hash, same nonce) instead of a second one.
create table chain_txs (
  id bigint generated always as identity primary key,
  purpose text not null,                                       -- the natural key: 'propose:12', 'release:12:<project>:<token>'
  sender text not null,
  chain_id integer not null,
  nonce bigint not null,
  to_address text not null,
  data text not null,
  raw text not null,
  hash text not null unique,
  status text not null check (status in ('signed', 'sent', 'mined', 'reverted', 'dropped')),
  block_number bigint,
  gas_used bigint,
  error text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- a purpose is done at most once: a new attempt is allowed only after the last one reverted or was dropped
create unique index chain_txs_purpose on chain_txs(purpose) where status not in ('reverted', 'dropped');
create unique index chain_txs_nonce on chain_txs(chain_id, sender, nonce) where status <> 'dropped';

-- Chain events as read from the logs, once each; the sync cursor says how far they were read.
create table chain_events (
  block_number bigint not null,
  log_index integer not null,
  tx_hash text not null,
  contract text not null,                                      -- escrow, distributor, stakes, badges, provenance
  name text not null,
  args jsonb not null,
  block_time timestamptz,
  primary key (block_number, log_index)
);
create index chain_events_name on chain_events(contract, name);
create table chain_cursor (
  chain_id integer primary key,
  next_block bigint not null
);

-- Escrow per project and token, as the chain's Funded/Released/Refunded events say.
create table escrow_balances (
  project_id uuid not null references projects(id),
  token text not null,
  funded_wei numeric(78, 0) not null default 0,
  released_wei numeric(78, 0) not null default 0,
  refunded_wei numeric(78, 0) not null default 0,
  requester text,
  deadline timestamptz,
  primary key (project_id, token)
);

-- What approved work earned, per contributor and token, once per source ('answer:<id>', 'review:<id>').
-- An accrual joins the first epoch closed after it; its amount is settled exactly once.
create table accruals (
  source text not null,
  token text not null,
  user_id uuid not null references users(id),
  project_id uuid not null references projects(id),
  amount_wei numeric(78, 0) not null check (amount_wei > 0),
  created_at timestamptz not null,
  epoch bigint,
  primary key (source, token)
);
create index accruals_open on accruals(project_id, token) where epoch is null;
create index accruals_epoch on accruals(epoch, project_id, token);
-- accrual looks only at work decided since it last ran (less a day, for decisions committed late)
create table accrual_cursor (
  id boolean primary key default true check (id),
  accrued_to timestamptz not null
);
create index answers_approved_at on answers(decided_at) where status = 'approved';
create index reviews_done_at on reviews(decided_at) where status = 'done';
create index accruals_user on accruals(user_id, token);

-- Settlement epochs: cumulative totals per contributor and token, a Merkle root over them, proposed on chain,
-- revocable during the distributor's delay, then accepted.
create table epochs (
  id bigint generated always as identity primary key,
  epoch bigint not null,                                       -- the distributor's epoch number
  status text not null check (status in ('releasing', 'built', 'proposed', 'accepted', 'revoked')),
  root text,                                                   -- set once the tree is built
  manifest_hash text,
  totals jsonb not null default '{}',                          -- { token: cumulative wei } over every account
  leaf_count integer not null default 0,
  acceptable_at timestamptz,
  created_at timestamptz not null,
  proposed_at timestamptz,
  accepted_at timestamptz
);
-- a revoked root's epoch number is proposed again, with a new root
create unique index epochs_number on epochs(epoch) where status <> 'revoked';
create table epoch_leaves (
  epoch_id bigint not null references epochs(id),
  account text not null,
  token text not null,
  cumulative_wei numeric(78, 0) not null,
  proof bytea not null,                                        -- the sibling hashes, 32 bytes each
  primary key (epoch_id, account, token)
);
create index epoch_leaves_account on epoch_leaves(account, epoch_id desc);

-- Claims as the chain's Claimed events report them: the cumulative amount paid per account and token.
create table claims (
  account text not null,
  token text not null,
  claimed_wei numeric(78, 0) not null,
  last_tx text not null,
  updated_at timestamptz not null,
  primary key (account, token)
);

-- Tier badges the platform issued on chain (and revoked), so a change is sent once.
create table badges (
  user_id uuid not null references users(id),
  tier integer not null,
  status text not null check (status in ('issued', 'revoked')),
  updated_at timestamptz not null,
  primary key (user_id, tier)
);

-- Slashes of proven fraud, with the evidence whose hash went on chain.
create table slashes (
  id bigint generated always as identity primary key,
  user_id uuid not null references users(id),
  amount_wei numeric(78, 0) not null,
  evidence jsonb not null,
  evidence_hash text not null,
  tx_hash text,
  decided_by uuid not null references users(id),
  created_at timestamptz not null
);

-- Provenance: ledger entries batched into Merkle trees whose roots are anchored on chain.
create table provenance_batches (
  batch_id text primary key,                                   -- bytes32 hex
  root text not null,
  entry_count integer not null,
  manifest_hash text not null,
  status text not null check (status in ('built', 'anchored')),
  tx_hash text,
  block_number bigint,
  created_at timestamptz not null,
  anchored_at timestamptz
);
create table provenance_leaves (
  project_id uuid not null,
  seq bigint not null,
  batch_id text not null references provenance_batches(batch_id),
  leaf_index integer not null,
  proof bytea not null,
  primary key (project_id, seq)
);
create index provenance_leaves_batch on provenance_leaves(batch_id);
