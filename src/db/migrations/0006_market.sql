-- The marketplace: datasets, models and agents registered in the asset registry on chain, with their license
-- terms and lineage; and mirrors of the registry's events (licenses sold, revenue deposited, routed and
-- claimed). The chain stays the source of truth: the mirrors are filled from chain_events by the trigger at
-- the end, in the same transaction that stores each event (once, by block and log index), so every event
-- sync (the worker's, a dev-wallet send's, POST /api/chain/sync) mirrors it, and deleting the mirrors and the
-- events and syncing again rebuilds them.

create table assets (
  id uuid primary key,
  seq bigint generated always as identity unique,             -- the list's order and cursor: newest first
  chain_asset_id numeric(78, 0) unique,                        -- the registry's id, once registered
  kind text not null check (kind in ('dataset', 'model', 'agent')),
  name text not null,
  description text not null default '',
  modality text not null,
  tags text[] not null default '{}',
  owner_user_id uuid not null references users(id),           -- who registered it
  org_id uuid not null references organizations(id),          -- the requester organization that owns it
  owner_address text not null,                                 -- its owner on chain (checksummed)
  dataset_id uuid unique references datasets(id),              -- a published community dataset
  content_hash text not null check (content_hash ~ '^0x[0-9a-f]{64}$'),
  metadata_uri text not null unique,                           -- ties the registry's AssetRegistered to this row
  terms jsonb not null,                                        -- src/shared/api.ts assetTerms
  price_wei numeric(78, 0) not null check (price_wei >= 0),    -- terms.priceWei, for the price filter
  sample_rows jsonb not null default '[]',                     -- a few rows of a dataset, shown on its page
  endpoint_url text,                                           -- a model's or agent's metered endpoint (later)
  status text not null default 'draft' check (status in ('draft', 'registered')),
  register_tx_hash text,
  registered_at timestamptz,
  created_at timestamptz not null
);
create index assets_name on assets(lower(name) text_pattern_ops);
create index assets_owner on assets(owner_address);

-- An asset's parents in registration order and how it came from each (the registry's Relation).
create table asset_parents (
  asset_id uuid not null references assets(id),
  parent_id uuid not null references assets(id),
  relation text not null check (relation in ('derived_from', 'trained_on', 'fine_tuned_from')),
  position integer not null,
  primary key (asset_id, parent_id)
);
create index asset_parents_parent on asset_parents(parent_id);

-- LicensePurchased, one row per event: expires_at null is a perpetual license.
create table licenses (
  tx_hash text not null,
  log_index integer not null,
  block_number bigint not null,
  chain_asset_id numeric(78, 0) not null,
  buyer text not null,
  currency text not null,
  price_wei numeric(78, 0) not null,
  expires_at timestamptz,
  purchased_at timestamptz,
  primary key (tx_hash, log_index)
);
create index licenses_buyer on licenses(buyer, chain_asset_id);

-- RevenueDeposited (what arrived, and the platform's fee) and RevenueRouted (what each asset kept of what
-- reached it, from a deposit or from a child), one row per event.
create table asset_revenue (
  tx_hash text not null,
  log_index integer not null,
  block_number bigint not null,
  chain_asset_id numeric(78, 0) not null,
  token text not null,
  from_address text not null,
  received_wei numeric(78, 0) not null,
  fee_wei numeric(78, 0) not null,
  at timestamptz,
  primary key (tx_hash, log_index)
);
create index asset_revenue_asset on asset_revenue(chain_asset_id);
create table asset_credits (
  tx_hash text not null,
  log_index integer not null,
  chain_asset_id numeric(78, 0) not null,
  from_chain_asset_id numeric(78, 0) not null,                 -- 0: a deposit to this asset
  token text not null,
  received_wei numeric(78, 0) not null,
  kept_wei numeric(78, 0) not null,
  at timestamptz,
  primary key (tx_hash, log_index)
);
create index asset_credits_asset on asset_credits(chain_asset_id, token);

-- RevenueClaimed, one row per event.
create table revenue_claims (
  tx_hash text not null,
  log_index integer not null,
  chain_asset_id numeric(78, 0) not null,
  token text not null,
  account text not null,
  paid_wei numeric(78, 0) not null,
  at timestamptz,
  primary key (tx_hash, log_index)
);
create index revenue_claims_account on revenue_claims(account);

-- Mirrors one new registry event (contract 'market' in chain_events). An AssetRegistered names the row it
-- registers by its metadata URI, and only counts when the chain's owner is the address the row expects.
create function mirror_market_event() returns trigger language plpgsql as $$
declare
  a jsonb := new.args;
begin
  if new.name = 'AssetRegistered' then
    update assets set chain_asset_id = (a->>'assetId')::numeric, status = 'registered',
        register_tx_hash = new.tx_hash, registered_at = new.block_time
      where metadata_uri = a->>'metadataURI' and lower(owner_address) = lower(a->>'owner')
        and chain_asset_id is null;
  elsif new.name = 'LicensePurchased' then
    insert into licenses (tx_hash, log_index, block_number, chain_asset_id, buyer, currency, price_wei, expires_at,
        purchased_at)
      values (new.tx_hash, new.log_index, new.block_number, (a->>'assetId')::numeric, a->>'buyer', a->>'currency',
        (a->>'price')::numeric,
        case when (a->>'expiresAt')::numeric >= 18446744073709551615 then null
             else to_timestamp((a->>'expiresAt')::double precision) end,
        new.block_time)
      on conflict do nothing;
  elsif new.name = 'RevenueDeposited' then
    insert into asset_revenue (tx_hash, log_index, block_number, chain_asset_id, token, from_address, received_wei,
        fee_wei, at)
      values (new.tx_hash, new.log_index, new.block_number, (a->>'assetId')::numeric, a->>'token', a->>'from',
        (a->>'received')::numeric, (a->>'fee')::numeric, new.block_time)
      on conflict do nothing;
  elsif new.name = 'RevenueRouted' then
    insert into asset_credits (tx_hash, log_index, chain_asset_id, from_chain_asset_id, token, received_wei, kept_wei,
        at)
      values (new.tx_hash, new.log_index, (a->>'assetId')::numeric, (a->>'fromAssetId')::numeric, a->>'token',
        (a->>'received')::numeric, (a->>'kept')::numeric, new.block_time)
      on conflict do nothing;
  elsif new.name = 'RevenueClaimed' then
    insert into revenue_claims (tx_hash, log_index, chain_asset_id, token, account, paid_wei, at)
      values (new.tx_hash, new.log_index, (a->>'assetId')::numeric, a->>'token', a->>'account',
        (a->>'paid')::numeric, new.block_time)
      on conflict do nothing;
  end if;
  return null;
end $$;
create trigger chain_events_market after insert on chain_events
  for each row when (new.contract = 'market') execute function mirror_market_event();
