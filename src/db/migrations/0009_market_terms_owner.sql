-- The registry's owner can change an asset's terms and hand the asset to another address on chain, with no call
-- through Caravan: TermsChanged and AssetTransferred are mirrored too, so the marketplace's filters (price,
-- license) and an asset's owner follow the chain. The function replaces 0006's; its trigger stays.
create or replace function mirror_market_event() returns trigger language plpgsql as $$
declare
  a jsonb := new.args;
begin
  if new.name = 'AssetRegistered' then
    update assets set chain_asset_id = (a->>'assetId')::numeric, status = 'registered',
        register_tx_hash = new.tx_hash, registered_at = new.block_time
      where metadata_uri = a->>'metadataURI' and lower(owner_address) = lower(a->>'owner')
        and chain_asset_id is null;
  elsif new.name = 'TermsChanged' then
    -- the owner's new terms, in the shape of src/shared/api.ts assetTerms; the struct's uints arrive as strings
    update assets set price_wei = (a->'terms'->>'price')::numeric,
        terms = jsonb_build_object(
          'commercialUse', (a->'terms'->>'commercialUse')::boolean,
          'derivativesAllowed', (a->'terms'->>'derivativesAllowed')::boolean,
          'parentShareBps', (a->'terms'->>'parentShareBps')::integer,
          'priceWei', a->'terms'->>'price',
          'currency', a->'terms'->>'currency',
          -- the registry takes any uint64; the API speaks of a century at most (MAX_LICENSE_SECONDS)
          'durationSeconds', least((a->'terms'->>'durationSeconds')::numeric, 3153600000)::bigint,
          'attributionRequired', (a->'terms'->>'attributionRequired')::boolean)
      where chain_asset_id = (a->>'assetId')::numeric;
  elsif new.name = 'AssetTransferred' then
    update assets set owner_address = a->>'to' where chain_asset_id = (a->>'assetId')::numeric;
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
