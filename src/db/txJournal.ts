import type { Hex } from 'viem';
import type { OperatorTx, TxJournal } from '../usecases/chainPorts.ts';
import { type Db, inTransaction } from './pool.ts';

type Row = {
  id: string;
  purpose: string;
  nonce: string;
  hash: Hex;
  raw: Hex;
  status: OperatorTx['status'];
  block_number: string | null;
  gas_used: string | null;
};

const toTx = (r: Row): OperatorTx => ({
  id: r.id,
  purpose: r.purpose,
  nonce: Number(r.nonce),
  hash: r.hash,
  raw: r.raw,
  status: r.status,
  blockNumber: r.block_number === null ? null : Number(r.block_number),
  gasUsed: r.gas_used === null ? null : BigInt(r.gas_used),
});

const COLUMNS = 'id::text, purpose, nonce, hash, raw, status, block_number, gas_used';

/** The operator transaction journal in PostgreSQL (table chain_txs). */
export function txJournal(db: Db, clock: { now: () => Date }): TxJournal {
  return {
    async find(purpose) {
      const r = await db.query<Row>(
        `select ${COLUMNS} from chain_txs where purpose = $1 and status not in ('reverted', 'dropped')`,
        [purpose],
      );
      return r.rows[0] ? toTx(r.rows[0]) : null;
    },

    reserve: (input, sign) =>
      inTransaction(db, async (tx) => {
        // One sender's nonces are handed out one at a time, across processes.
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`chain-sender:${input.sender}`]);
        const live = await tx.query<Row>(
          `select ${COLUMNS} from chain_txs where purpose = $1 and status not in ('reverted', 'dropped')`,
          [input.purpose],
        );
        if (live.rows[0]) return toTx(live.rows[0]);
        const floor = await tx.query<{ next: string }>(
          `select coalesce(max(nonce) + 1, 0)::text as next from chain_txs
           where chain_id = $1 and sender = $2 and status <> 'dropped'`,
          [input.chainId, input.sender],
        );
        const signed = await sign(Number(floor.rows[0]!.next));
        const now = clock.now();
        const r = await tx.query<Row>(
          `insert into chain_txs (purpose, sender, chain_id, nonce, to_address, data, raw, hash, status, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, 'signed', $9, $9) returning ${COLUMNS}`,
          [
            input.purpose,
            input.sender,
            input.chainId,
            signed.nonce,
            input.to,
            input.data,
            signed.raw,
            signed.hash,
            now,
          ],
        );
        return toTx(r.rows[0]!);
      }),

    async mark(id, u) {
      await db.query(
        `update chain_txs set status = $2, block_number = coalesce($3, block_number),
           gas_used = coalesce($4, gas_used), error = coalesce($5, error), updated_at = $6
         where id = $1`,
        [id, u.status, u.blockNumber ?? null, u.gasUsed?.toString() ?? null, u.error ?? null, clock.now()],
      );
    },

    async unfinished(sender, chainId) {
      const r = await db.query<Row>(
        `select ${COLUMNS} from chain_txs
         where sender = $1 and chain_id = $2 and status in ('signed', 'sent') order by nonce`,
        [sender, chainId],
      );
      return r.rows.map(toTx);
    },
  };
}
