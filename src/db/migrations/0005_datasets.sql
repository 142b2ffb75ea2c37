-- Community datasets: a community project's approved work, published once with its co-owners' shares frozen.
-- The shares are computed by src/domain/datasets/coOwnershipShares.ts (docs/datasets.md) and committed to by a
-- Merkle root over (account, weight) leaves, which the asset registry on chain records later.

create table datasets (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity unique,             -- the list's order and cursor: newest first
  project_id uuid not null unique references projects(id),    -- a project is published at most once
  org_id uuid not null references organizations(id),
  name text not null,
  description text not null default '',
  license_summary text not null,
  status text not null default 'published' check (status in ('published')),
  published_at timestamptz not null,
  published_by uuid not null references users(id),
  row_count integer not null check (row_count > 0),            -- work items with at least one counted answer
  answer_count integer not null check (answer_count > 0),      -- approved answers counted in the shares
  review_count integer not null check (review_count >= 0),     -- accepted reviews counted in the shares
  contributor_count integer not null check (contributor_count > 0),
  share_root bytea not null check (length(share_root) = 32),
  total_weight numeric(78, 0) not null check (total_weight > 0),
  formula_version integer not null,
  -- set once, when the asset registry commits the root on chain
  asset_id text,
  commit_tx_hash text,
  committed_at timestamptz
);
create index datasets_name on datasets(lower(name) text_pattern_ops);

-- One row per co-owner, in rank order (largest weight first): its weight, its share and its Merkle proof.
create table dataset_shares (
  dataset_id uuid not null references datasets(id),
  rank integer not null check (rank > 0),
  account text not null,                                       -- checksummed address
  weight numeric(78, 0) not null check (weight > 0),
  share_ppm integer not null check (share_ppm between 0 and 1000000),
  answers_counted integer not null check (answers_counted >= 0),
  reviews_counted integer not null check (reviews_counted >= 0),
  accuracy_ppm integer not null check (accuracy_ppm between 0 and 1000000),
  proof bytea not null,                                        -- the sibling hashes, 32 bytes each
  primary key (dataset_id, rank),
  unique (dataset_id, account)
);
create index dataset_shares_account on dataset_shares(account);

-- Published shares are frozen: rows are never changed or removed. A dataset's chain fields may be filled in
-- once (null to a value); every other column stays as published.
create function dataset_shares_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'published dataset shares are frozen (% refused)', tg_op;
end $$;
create trigger dataset_shares_no_change before update or delete or truncate on dataset_shares
  for each statement execute function dataset_shares_frozen();

create function datasets_frozen() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'published datasets are frozen (% refused)', tg_op;
  end if;
  if (to_jsonb(new) - array['asset_id', 'commit_tx_hash', 'committed_at'])
       is distinct from (to_jsonb(old) - array['asset_id', 'commit_tx_hash', 'committed_at'])
     or (old.asset_id is not null and new.asset_id is distinct from old.asset_id)
     or (old.commit_tx_hash is not null and new.commit_tx_hash is distinct from old.commit_tx_hash)
     or (old.committed_at is not null and new.committed_at is distinct from old.committed_at) then
    raise exception 'published dataset % is frozen: only its chain commitment may be recorded, once', old.id;
  end if;
  return new;
end $$;
create trigger datasets_no_change before update on datasets
  for each row execute function datasets_frozen();
create trigger datasets_no_delete before delete or truncate on datasets
  for each statement execute function datasets_frozen();
