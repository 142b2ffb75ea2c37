import type { StoredAnswer, SubmitInput } from '../usecases/ports.ts';
import { hexOf } from './bytes.ts';
import type { Db } from './pool.ts';

type Pending = {
  input: SubmitInput;
  resolve: (r: StoredAnswer | null) => void;
  reject: (e: unknown) => void;
};
type WriteOne = (input: SubmitInput) => Promise<StoredAnswer | null>;

const MAX_BATCH = 500;

/**
 * Groups the work answers that arrive for one project while a write is in flight, and stores each group with one
 * statement: one trip to the database and one turn on the project's ledger head lock for many answers, instead of
 * one each. An answer is acknowledged only after its group commits. A group that hits a unique conflict (an
 * idempotency key raced) is retried answer by answer with `writeOne`, so one bad answer never sinks the others.
 */
export function submitBatcher(db: Db, writeOne: WriteOne) {
  const queues = new Map<string, Pending[]>();

  async function drain(projectId: string, queue: Pending[]) {
    while (queue.length) {
      // An assignment or idempotency key seen twice waits for the next group, so the first decides.
      const batch: Pending[] = [];
      const rest: Pending[] = [];
      const assignments = new Set<string>();
      const keys = new Set<string>();
      for (const p of queue) {
        const key = p.input.idempotencyKey ? `${p.input.assignment.userId}:${p.input.idempotencyKey}` : null;
        if (batch.length >= MAX_BATCH || assignments.has(p.input.assignment.id) || (key && keys.has(key)))
          rest.push(p);
        else {
          batch.push(p);
          assignments.add(p.input.assignment.id);
          if (key) keys.add(key);
        }
      }
      queue.splice(0, queue.length, ...rest);
      try {
        const stored = await writeBatch(
          db,
          projectId,
          batch.map((p) => p.input),
        );
        for (const p of batch) p.resolve(stored.get(p.input.assignment.id) ?? null);
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') for (const p of batch) p.reject(error);
        else for (const p of batch) await writeOne(p.input).then(p.resolve, p.reject);
      }
    }
    queues.delete(projectId);
  }

  return (input: SubmitInput): Promise<StoredAnswer | null> =>
    new Promise((resolve, reject) => {
      const projectId = input.project.id;
      const queue = queues.get(projectId);
      if (queue) {
        queue.push({ input, resolve, reject });
        return;
      }
      const fresh: Pending[] = [{ input, resolve, reject }];
      queues.set(projectId, fresh);
      void drain(projectId, fresh);
    });
}

/** Stores a group of work answers of one project in one statement; the answers whose lease was gone are left out. */
async function writeBatch(
  db: Db,
  projectId: string,
  inputs: SubmitInput[],
): Promise<Map<string, StoredAnswer>> {
  const r = await db.query<{ assignmentId: string; answerId: string; seq: number; hash: Buffer }>(
    `with input as (
       select * from unnest($2::bigint[], $3::uuid[], $4::jsonb[], $5::int[], $6::text[], $7::bool[], $8::numeric[],
         $9::text[], $10::bytea[], $11::text[], $12::timestamptz[], $13::jsonb[], $14::text[])
         with ordinality as t(assignment_id, user_id, answer, duration_ms, idempotency_key, is_correct, reward_wei,
           contributor, answer_hash, payload, created_at, screening, screen_outcome, ord)
     ), closed as (
       update assignments a set status = 'submitted', closed_at = input.created_at
       from input where a.id = input.assignment_id and a.status = 'leased' and a.expires_at > input.created_at
       returning a.id, a.item_id
     ), numbered as (
       select input.*, closed.item_id, row_number() over (order by input.ord)::int as n
       from input join closed on closed.id = input.assignment_id
     ), payloads as (
       select array_agg(payload order by n) as p from numbered
     ), head as (
       -- The head row's lock orders the chain; the chain of this group starts at the head as it is when locked.
       update ledger_heads h set seq = h.seq + cardinality(payloads.p), prev_hash = h.hash,
         hash = (ledger_chain(h.hash, payloads.p))[cardinality(payloads.p)],
         work_answers = h.work_answers + (select count(*) from numbered where numbered.is_correct is null)
       from payloads where h.project_id = $1 and cardinality(payloads.p) > 0
       returning h.seq - cardinality(payloads.p) as base_seq, h.prev_hash as start_hash,
         ledger_chain(h.prev_hash, payloads.p) as hashes
     ), answer as (
       insert into answers (project_id, item_id, assignment_id, user_id, kind, answer, duration_ms, idempotency_key,
         is_correct, reward_wei, created_at, ledger_seq, screening, screen_outcome)
       select $1, n.item_id, n.assignment_id, n.user_id, 'work', n.answer, n.duration_ms, n.idempotency_key,
         n.is_correct, n.reward_wei, n.created_at, head.base_seq + n.n, n.screening, n.screen_outcome
       from numbered n, head
       returning id, assignment_id, ledger_seq
     ), entry as (
       insert into ledger_entries (project_id, seq, answer_id, contributor, item_id, answer_hash, created_at, prev_hash, hash)
       select $1, answer.ledger_seq, answer.id, n.contributor, n.item_id, n.answer_hash, n.created_at,
         case when n.n = 1 then head.start_hash else head.hashes[n.n - 1] end, head.hashes[n.n]
       from answer join numbered n on n.assignment_id = answer.assignment_id, head
     ), counted as (
       update items set answer_count = answer_count + c.k
       from (select item_id, count(*)::int as k from numbered group by item_id) c where items.id = c.item_id
     )
     select answer.assignment_id::text as "assignmentId", answer.id::text as "answerId", answer.ledger_seq::int as seq,
       head.hashes[answer.ledger_seq - head.base_seq] as hash
     from answer, head`,
    [
      projectId,
      inputs.map((s) => s.assignment.id),
      inputs.map((s) => s.assignment.userId),
      inputs.map((s) => JSON.stringify(s.answer)),
      inputs.map((s) => s.durationMs),
      inputs.map((s) => s.idempotencyKey),
      inputs.map((s) => s.isCorrect),
      inputs.map((s) => s.rewardWei.toString()),
      inputs.map((s) => s.contributor),
      inputs.map((s) => Buffer.from(s.answerHash.slice(2), 'hex')),
      inputs.map((s) => s.payloadText),
      inputs.map((s) => s.now),
      inputs.map((s) => JSON.stringify(s.screening)),
      inputs.map((s) => s.screenOutcome),
    ],
  );
  return new Map(
    r.rows.map((row) => [
      row.assignmentId,
      {
        answerId: row.answerId,
        assignmentId: row.assignmentId,
        ledgerSeq: row.seq,
        ledgerHash: hexOf(row.hash),
      },
    ]),
  );
}
