import type { Hex } from 'viem';
import { assetTerms } from '../shared/api.ts';
import type {
  AssetRow,
  DatasetId,
  LicenseRow,
  LineageEdge,
  LineageNode,
  MarketStore,
} from '../usecases/ports.ts';
import { type Db, inTransaction } from './pool.ts';
import { isUuid } from './projectStore.ts';

type RawAsset = {
  id: string;
  seq: string;
  chain_asset_id: string | null;
  kind: AssetRow['kind'];
  name: string;
  description: string;
  modality: string;
  tags: string[];
  owner_user_id: string;
  org_id: string;
  owner_address: string;
  dataset_id: string | null;
  content_hash: string;
  metadata_uri: string;
  terms: unknown;
  sample_rows: unknown[];
  endpoint_url: string | null;
  status: AssetRow['status'];
  register_tx_hash: string | null;
  registered_at: Date | null;
  created_at: Date;
};
const ASSET_COLUMNS = `a.id, a.seq, a.chain_asset_id, a.kind, a.name, a.description, a.modality, a.tags,
  a.owner_user_id, a.org_id, a.owner_address, a.dataset_id, a.content_hash, a.metadata_uri, a.terms, a.sample_rows,
  a.endpoint_url, a.status, a.register_tx_hash, a.registered_at, a.created_at`;

const toAsset = (r: RawAsset): AssetRow => ({
  id: r.id as AssetRow['id'],
  seq: r.seq,
  chainAssetId: r.chain_asset_id === null ? null : BigInt(r.chain_asset_id),
  kind: r.kind,
  name: r.name,
  description: r.description,
  modality: r.modality,
  tags: r.tags,
  ownerUserId: r.owner_user_id as AssetRow['ownerUserId'],
  orgId: r.org_id as AssetRow['orgId'],
  ownerAddress: r.owner_address,
  datasetId: r.dataset_id as AssetRow['datasetId'],
  contentHash: r.content_hash as Hex,
  metadataUri: r.metadata_uri,
  // Stored through the same schema, so a row that no longer parses is a bug worth stopping on.
  terms: assetTerms.parse(r.terms),
  sampleRows: r.sample_rows,
  endpointUrl: r.endpoint_url,
  status: r.status,
  registerTxHash: r.register_tx_hash,
  registeredAt: r.registered_at,
  createdAt: r.created_at,
});

type RawLicense = {
  tx_hash: string;
  chain_asset_id: string;
  buyer: string;
  currency: string;
  price_wei: string;
  expires_at: Date | null;
  purchased_at: Date | null;
};
const toLicense = (r: RawLicense): LicenseRow => ({
  txHash: r.tx_hash,
  chainAssetId: BigInt(r.chain_asset_id),
  buyer: r.buyer,
  currency: r.currency,
  priceWei: BigInt(r.price_wei),
  expiresAt: r.expires_at,
  purchasedAt: r.purchased_at,
});

/** Marketplace assets and the registry's event mirrors in PostgreSQL (see migration 0006_market.sql). */
export function marketStore(db: Db): MarketStore {
  const one = async (where: string, param: unknown) => {
    const r = await db.query<RawAsset>(`select ${ASSET_COLUMNS} from assets a where ${where}`, [param]);
    return r.rows[0] ? toAsset(r.rows[0]) : null;
  };
  return {
    create: (asset, now) =>
      inTransaction(db, async (tx) => {
        const r = await tx.query<RawAsset>(
          `insert into assets as a (id, kind, name, description, modality, tags, owner_user_id, org_id, owner_address,
             dataset_id, content_hash, metadata_uri, terms, price_wei, sample_rows, created_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
           on conflict (dataset_id) do nothing
           returning ${ASSET_COLUMNS}`,
          [
            asset.id,
            asset.kind,
            asset.name,
            asset.description,
            asset.modality,
            asset.tags,
            asset.ownerUserId,
            asset.orgId,
            asset.ownerAddress,
            asset.datasetId,
            asset.contentHash.toLowerCase(),
            asset.metadataUri,
            JSON.stringify(asset.terms),
            asset.terms.priceWei,
            JSON.stringify(asset.sampleRows),
            now,
          ],
        );
        const row = r.rows[0];
        if (!row) return null;
        for (const [position, p] of asset.parents.entries())
          await tx.query(
            'insert into asset_parents (asset_id, parent_id, relation, position) values ($1, $2, $3, $4)',
            [asset.id, p.parentId, p.relation, position],
          );
        return toAsset(row);
      }),

    get: async (id) => (isUuid(id) ? one('a.id = $1', id) : null),
    byDataset: (datasetId) => one('a.dataset_id = $1', datasetId),
    byChainId: (chainAssetId) => one('a.chain_asset_id = $1', chainAssetId.toString()),

    async unfinishedDatasetRegistrations(before) {
      const r = await db.query<{ id: DatasetId }>(
        `select d.id from assets a join datasets d on d.id = a.dataset_id
         where d.asset_id is null and a.created_at < $1 order by a.created_at limit 20`,
        [before],
      );
      return r.rows.map((row) => row.id);
    },

    async list(f) {
      // The search is a plain substring of the name or a tag: LIKE's own wildcards in it are escaped.
      const pattern = f.search ? `%${f.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const r = await db.query<RawAsset>(
        `select ${ASSET_COLUMNS} from assets a
         where a.status = 'registered'
           and ($1::text is null or lower(a.name) like $1
                or exists (select 1 from unnest(a.tags) t where lower(t) like $1))
           and ($2::text is null or a.kind = $2)
           and ($3::text is null or a.modality = $3)
           and ($4::boolean is null or (a.terms->>'commercialUse')::boolean = $4)
           and ($5::boolean is null or (a.terms->>'derivativesAllowed')::boolean = $5)
           and ($6::numeric is null or a.price_wei >= $6)
           and ($7::numeric is null or a.price_wei <= $7)
           and ($8::text is null or lower(a.terms->>'currency') = lower($8))
           and ($9::bigint is null or a.seq < $9)
         order by a.seq desc limit $10`,
        [
          pattern,
          f.kind,
          f.modality,
          f.commercial,
          f.derivatives,
          f.minPriceWei?.toString() ?? null,
          f.maxPriceWei?.toString() ?? null,
          f.currency,
          f.cursor,
          f.limit,
        ],
      );
      return r.rows.map(toAsset);
    },

    async markRegistered(id, reg) {
      await db.query(
        `update assets set chain_asset_id = $2, status = 'registered', register_tx_hash = $3, registered_at = $4
         where id = $1 and chain_asset_id is null`,
        [id, reg.chainAssetId.toString(), reg.txHash, reg.at],
      );
    },

    async lineage(id, depth) {
      const r = await db.query<{
        id: string;
        name: string;
        kind: AssetRow['kind'];
        chain_asset_id: string | null;
        depth: number;
      }>(
        `with recursive up(id, depth) as (
           select $1::uuid, 0
           union
           select p.parent_id, up.depth - 1 from asset_parents p join up on p.asset_id = up.id where up.depth > -$2::int
         ), down(id, depth) as (
           select $1::uuid, 0
           union
           select p.asset_id, down.depth + 1 from asset_parents p join down on p.parent_id = down.id
           where down.depth < $2::int
         ), reached as (
           select id, min(depth) as depth from up group by id
           union all
           select id, max(depth) from down where id not in (select id from up) group by id
         )
         select a.id, a.name, a.kind, a.chain_asset_id, r.depth from reached r join assets a on a.id = r.id
         order by r.depth, a.seq`,
        [id, depth],
      );
      const nodes: LineageNode[] = r.rows.map((n) => ({
        id: n.id as LineageNode['id'],
        name: n.name,
        kind: n.kind,
        chainAssetId: n.chain_asset_id === null ? null : BigInt(n.chain_asset_id),
        depth: n.depth,
      }));
      const ids = nodes.map((n) => n.id);
      const e = await db.query<{ parent_id: string; asset_id: string; relation: LineageEdge['relation'] }>(
        `select parent_id, asset_id, relation from asset_parents
         where asset_id = any($1::uuid[]) and parent_id = any($1::uuid[]) order by asset_id, position`,
        [ids],
      );
      return {
        nodes,
        edges: e.rows.map((x) => ({
          parentId: x.parent_id as LineageEdge['parentId'],
          childId: x.asset_id as LineageEdge['childId'],
          relation: x.relation,
        })),
      };
    },

    async licensesOf(buyer) {
      const r = await db.query<RawLicense & { [K in keyof RawAsset as `a_${K}`]: RawAsset[K] | null }>(
        `select l.tx_hash, l.chain_asset_id, l.buyer, l.currency, l.price_wei, l.expires_at, l.purchased_at,
           ${ASSET_COLUMNS.split(',')
             .map((c) => `${c.trim()} as a_${c.trim().slice(2)}`)
             .join(', ')}
         from licenses l left join assets a on a.chain_asset_id = l.chain_asset_id
         where lower(l.buyer) = lower($1) order by l.block_number desc, l.log_index desc`,
        [buyer],
      );
      return r.rows.map((x) => {
        const raw = Object.fromEntries(
          Object.entries(x)
            .filter(([k]) => k.startsWith('a_'))
            .map(([k, v]) => [k.slice(2), v]),
        ) as RawAsset;
        return { ...toLicense(x), asset: raw.id ? toAsset(raw) : null };
      });
    },

    async salesCount(chainAssetId) {
      const r = await db.query<{ n: number }>(
        'select count(*)::int as n from licenses where chain_asset_id = $1',
        [chainAssetId.toString()],
      );
      return r.rows[0]?.n ?? 0;
    },

    async ownedBy(address) {
      const r = await db.query<RawAsset>(
        `select ${ASSET_COLUMNS} from assets a
         where lower(a.owner_address) = lower($1) and a.status = 'registered' and a.dataset_id is null
         order by a.seq desc`,
        [address],
      );
      return r.rows.map(toAsset);
    },

    async creditTokens(chainAssetIds) {
      const r = await db.query<{ chain_asset_id: string; token: string }>(
        `select distinct chain_asset_id, token from asset_credits where chain_asset_id = any($1::numeric[])
         order by chain_asset_id, token`,
        [chainAssetIds.map(String)],
      );
      const byAsset = new Map<bigint, string[]>();
      for (const x of r.rows) {
        const id = BigInt(x.chain_asset_id);
        byAsset.set(id, [...(byAsset.get(id) ?? []), x.token]);
      }
      return byAsset;
    },

    async datasetRows(projectId, afterItemId, limit) {
      const r = await db.query<{
        item_id: string;
        external_id: string | null;
        data: unknown;
        label: unknown;
      }>(
        `select i.id::text as item_id, i.external_id, i.data, l.label
         from item_labels l join items i on i.id = l.item_id
         where l.project_id = $1 and not i.is_gold and ($2::bigint is null or i.id > $2)
         order by i.id limit $3`,
        [projectId, afterItemId, limit],
      );
      return r.rows.map((x) => ({
        itemId: x.item_id,
        externalId: x.external_id,
        data: x.data,
        label: x.label,
      }));
    },
  };
}
