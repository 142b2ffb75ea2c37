import type { PassAnswer, PassFlag, PassItem } from '../domain/quality/pipeline/qualityPass.ts';
import type { ItemLabelEntry, QualityReport, SybilFlagEntry } from '../shared/api.ts';
import type { QualityStore } from '../usecases/ports.ts';
import { type Db, inTransaction, type Tx } from './pool.ts';
import { isUuid, projectById } from './projectStore.ts';

type RawFlag = Omit<SybilFlagEntry, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
const toFlag = (f: RawFlag): SybilFlagEntry => ({
  ...f,
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
});
const FLAG_SELECT = `select f.id::text, f.kind, f.score, f.evidence, f.status,
    json_build_object('id', u.id, 'address', u.address, 'displayName', u.display_name) as user,
    json_build_object('id', p.id, 'name', p.name) as project,
    coalesce((select json_agg(json_build_object('id', x.id, 'address', x.address)) from users x
      where x.id = any(f.peers)), '[]') as peers,
    (select count(*)::int from answers a where a.user_id = f.user_id and a.project_id = f.project_id
      and a.kind = 'work') as answers,
    (select count(*)::int from answers a where a.user_id = f.user_id and a.project_id = f.project_id
      and a.decided_by = 'sybil') as "rejectedAsSpam",
    f.created_at as "createdAt", f.updated_at as "updatedAt"
  from sybil_flags f join users u on u.id = f.user_id join projects p on p.id = f.project_id`;

/** The quality pipeline's reads and writes: answers to decide, item labels, overlap, spam flags. */
export function qualityStore(db: Db): QualityStore {
  return {
    // One snapshot of the whole project: read apart, an answer stored between the reads of answers and items
    // showed an item with more answers than the pass could see, which then asked it for one more than needed.
    snapshot: (projectId) => inTransaction(db, (tx) => readSnapshot(tx, projectId), { snapshot: true }),

    async apply(projectId, result, now) {
      return inTransaction(db, async (tx) => {
        // One pass at a time per project: a second one waits, then finds the answers already decided.
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`quality:${projectId}`]);
        const { labels, needed, decisions, flags } = result;
        // What the project's answers may cost so far, for the escrow check before work is offered: every answer
        // not rejected, and every live lease, at the project's rewards.
        await tx.query(
          `with n as (
             select (select count(*) from answers a where a.project_id = $1 and a.kind = 'work' and a.status <> 'rejected')
               + (select count(*) from assignments s where s.project_id = $1 and s.kind = 'work' and s.status = 'leased') as n
           )
           update projects p set committed_wei = p.reward_per_item_wei * n.n,
             partner_committed_wei = p.partner_reward_per_item_wei * n.n
           from n where p.id = $1`,
          [projectId],
        );
        if (labels.length)
          await tx.query(
            `insert into item_labels (item_id, project_id, label, confidence, answer_count, method, is_final, updated_at)
             select l.item_id, $1, l.label, l.confidence, l.answer_count, $2, l.is_final, $3
             from unnest($4::bigint[], $5::jsonb[], $6::real[], $7::int[], $8::bool[])
               as l(item_id, label, confidence, answer_count, is_final)
             on conflict (item_id) do update set label = excluded.label, confidence = excluded.confidence,
               answer_count = excluded.answer_count, method = excluded.method, is_final = excluded.is_final,
               updated_at = excluded.updated_at
             -- a label a reviewer or the requester fixed stays theirs
             where item_labels.source = 'aggregation'`,
            [
              projectId,
              result.method,
              now,
              labels.map((l) => l.itemId),
              labels.map((l) => JSON.stringify(l.label)),
              labels.map((l) => l.confidence),
              labels.map((l) => l.answerCount),
              labels.map((l) => l.isFinal),
            ],
          );
        if (needed.length)
          await tx.query(
            `update items set needed = n.needed, is_open = items.claims < n.needed
             from unnest($2::bigint[], $3::int[]) as n(item_id, needed)
             where items.id = n.item_id and items.project_id = $1`,
            [projectId, needed.map((n) => n.itemId), needed.map((n) => n.needed)],
          );
        if (flags.length)
          await tx.query(
            `insert into sybil_flags (user_id, project_id, kind, score, evidence, peers, created_at, updated_at)
             select f.user_id, $1, f.kind, f.score, f.evidence,
               array(select json_array_elements_text(f.peers::json)::uuid), $2, $2
             from unnest($3::uuid[], $4::text[], $5::real[], $6::text[], $7::text[]) as f(user_id, kind, score, evidence, peers)
             on conflict (user_id, project_id, kind) do update set score = excluded.score, evidence = excluded.evidence,
               peers = excluded.peers, updated_at = excluded.updated_at
             where sybil_flags.status = 'open'`,
            [
              projectId,
              now,
              flags.map((f) => f.userId),
              flags.map((f) => f.kind),
              flags.map((f) => f.score),
              flags.map((f) => f.evidence),
              flags.map((f) => JSON.stringify(f.peers)),
            ],
          );
        if (!decisions.length) return { decided: 0, users: [] };
        const r = await tx.query<{ userId: string }>(
          `with d as (
             select * from unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::real[], $8::bool[],
               $10::text[]) as d(answer_id, from_status, status, decided_by, reason, score, agrees, from_decided_by)
           ), changed as (
             update answers a set status = d.status, decided_by = d.decided_by, decision_reason = d.reason,
               decided_at = case when d.status in ('approved', 'rejected') then $9::timestamptz end,
               consensus_score = coalesce(d.score, a.consensus_score), consensus_agrees = coalesce(d.agrees, a.consensus_agrees)
             -- Only answers still as the pass saw them: a reviewer or the requester may have ruled meanwhile.
             from d where a.id = d.answer_id and a.project_id = $1 and a.status = d.from_status
               and a.decided_by is not distinct from d.from_decided_by
               -- and a spam ruling only while a flag still stands (an admin may have cleared it meanwhile)
               and (d.decided_by is distinct from 'sybil' or exists (select 1 from sybil_flags f
                 where f.user_id = a.user_id and f.project_id = $1 and f.status <> 'cleared'))
             returning a.user_id
           ), dirty as (
             insert into progress_dirty (user_id, since) select distinct user_id, $9 from changed
             on conflict (user_id) do nothing
           )
           select user_id as "userId" from changed`,
          [
            projectId,
            decisions.map((d) => d.answerId),
            decisions.map((d) => d.from),
            decisions.map((d) => d.status),
            decisions.map((d) => d.decidedBy),
            decisions.map((d) => d.reason),
            decisions.map((d) => d.consensusScore),
            decisions.map((d) => d.consensusAgrees),
            now,
            decisions.map((d) => d.fromDecidedBy),
          ],
        );
        return { decided: r.rowCount ?? 0, users: [...new Set(r.rows.map((x) => x.userId))] };
      });
    },

    async addVerdict(answerId, verdict) {
      await db.query(
        `update answers set screening = screening || $2::jsonb,
           screen_outcome = case when $3 = 'reject' or screen_outcome = 'reject' then 'reject'
             when $3 = 'flag' or screen_outcome = 'flag' then 'flag' else 'pass' end
         where id = $1 and status = 'pending'`,
        [answerId, JSON.stringify([verdict]), verdict.outcome],
      );
    },

    async withPassLock(projectId, fn) {
      // A session lock on its own connection for the whole pass (the judge and link checks included), so
      // two passes over one project, from any processes, never interleave. Its key differs from the
      // transaction lock `apply` and flag rulings take, which it would otherwise wait on forever.
      const client = await db.connect();
      const key = `quality-pass:${projectId}`;
      try {
        const got = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
          key,
        ]);
        if (!got.rows[0]?.ok) return null;
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [key]);
        }
      } finally {
        client.release();
      }
    },

    async itemData(itemIds) {
      const ids = itemIds.filter((id) => /^\d{1,18}$/.test(id));
      const r = await db.query<{ id: string; data: Record<string, unknown> }>(
        'select id::text, data from items where id = any($1::bigint[])',
        [ids],
      );
      return new Map(r.rows.map((x) => [x.id, x.data]));
    },

    async report(project) {
      const id = project.id;
      const [statuses, items, agreement, gold, rejections, screening, contributors] = await Promise.all([
        db.query<{ status: string; n: number }>(
          `select status, count(*)::int as n from answers where project_id = $1 and kind = 'work' group by status`,
          [id],
        ),
        db.query<{ labelled: number; final: number; mean: number | null; extended: number; early: number }>(
          `select (select count(*)::int from item_labels l where l.project_id = $1) as labelled,
             (select count(*)::int from item_labels l where l.project_id = $1 and l.is_final) as final,
             (select avg(l.confidence)::float8 from item_labels l where l.project_id = $1) as mean,
             (select count(*)::int from items i where i.project_id = $1 and i.needed > $2) as extended,
             (select count(*)::int from items i where i.project_id = $1 and i.needed < $2) as early`,
          [id, project.overlap],
        ),
        db.query<{ agreement: number | null }>(
          `select avg(case when consensus_agrees then 1.0 else 0.0 end)::float8 as agreement from answers
           where project_id = $1 and consensus_agrees is not null`,
          [id],
        ),
        db.query<{ correct: number; total: number }>(
          `select count(*) filter (where is_correct)::int as correct, count(*)::int as total from answers
           where project_id = $1 and kind = 'work' and is_correct is not null`,
          [id],
        ),
        db.query<{ reason: string; count: number }>(
          `select coalesce(decided_by, 'unknown') as reason, count(*)::int as count from answers
           where project_id = $1 and kind = 'work' and status = 'rejected' group by 1 order by 2 desc`,
          [id],
        ),
        db.query<{ rule: string; outcome: string; count: number }>(
          `select v->>'rule' as rule, v->>'outcome' as outcome, count(*)::int as count
           from answers a cross join jsonb_array_elements(a.screening) v
           where a.project_id = $1 and v->>'outcome' <> 'pass' group by 1, 2 order by 3 desc`,
          [id],
        ),
        db.query<QualityReport['contributors'][number]>(
          `select u.address, u.display_name as "displayName", c.answers, c.approved, c.rejected,
             c.gold_correct as "goldCorrect", c.gold_total as "goldTotal", c.agreement, s.accuracy,
             coalesce((select array_agg(f.kind order by f.kind) from sybil_flags f
               where f.project_id = $1 and f.user_id = u.id and f.status <> 'cleared'), '{}') as flagged
           from (select a.user_id, count(*)::int as answers,
                   count(*) filter (where a.status = 'approved')::int as approved,
                   count(*) filter (where a.status = 'rejected')::int as rejected,
                   count(*) filter (where a.is_correct)::int as gold_correct,
                   count(a.is_correct)::int as gold_total,
                   avg(case when a.consensus_agrees then 1.0 when a.consensus_agrees = false then 0.0 end)::float8
                     as agreement
                 from answers a where a.project_id = $1 and a.kind = 'work' group by a.user_id) c
           join users u on u.id = c.user_id
           left join skills s on s.user_id = u.id and s.method = $2 and s.domain = '*'
           order by c.answers desc, u.address limit 500`,
          [id, project.annotation.method],
        ),
      ]);
      const count = (s: string) => statuses.rows.find((r) => r.status === s)?.n ?? 0;
      const i = items.rows[0]!;
      return {
        answers: {
          pending: count('pending'),
          review: count('review'),
          approved: count('approved'),
          rejected: count('rejected'),
        },
        items: {
          labelled: i.labelled,
          final: i.final,
          extended: i.extended,
          stoppedEarly: i.early,
          meanConfidence: i.mean,
        },
        agreement: agreement.rows[0]?.agreement ?? null,
        gold: gold.rows[0]!,
        rejections: rejections.rows,
        screening: screening.rows,
        contributors: contributors.rows,
        method:
          project.annotation.method === 'single_choice' || project.annotation.method === 'pairwise'
            ? project.quality.aggregation.method
            : `${project.annotation.method}_consensus`,
      };
    },

    async labels(projectId, afterItemId, limit) {
      const r = await db.query<ItemLabelEntry>(
        `select l.item_id::text as "itemId", i.external_id as "externalId", l.label, l.confidence,
           l.answer_count as "answerCount", l.is_final as "isFinal", l.source
         from item_labels l join items i on i.id = l.item_id
         where l.project_id = $1 and ($2::bigint is null or l.item_id > $2) order by l.item_id limit $3`,
        [projectId, afterItemId, limit],
      );
      return r.rows;
    },

    async flags(status, limit) {
      const r = await db.query<RawFlag>(
        `${FLAG_SELECT} where ($1 = 'all' or f.status = $1) order by f.updated_at desc limit $2`,
        [status, limit],
      );
      return r.rows.map(toFlag);
    },

    async resolveFlag(id, status, adminId, now) {
      if (!/^\d{1,18}$/.test(id)) return null;
      return inTransaction(db, async (tx) => {
        const project = await tx.query<{ projectId: string }>(
          'select project_id as "projectId" from sybil_flags where id = $1',
          [id],
        );
        if (!project.rows[0]) return null;
        // In turn with a pass writing its decisions for the project.
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [
          `quality:${project.rows[0].projectId}`,
        ]);
        const r = await tx.query<{ userId: string; projectId: string }>(
          `update sybil_flags set status = $2, resolved_by = $3, updated_at = $4 where id = $1
           returning user_id as "userId", project_id as "projectId"`,
          [id, status, adminId, now],
        );
        const flag = r.rows[0];
        if (!flag) return null;
        if (status === 'cleared')
          // Back to the pass, which decides them afresh; other flags that still stand keep them rejected.
          await tx.query(
            `update answers set status = 'pending', decided_by = null, decision_reason = null, decided_at = null
             where user_id = $1 and project_id = $2 and decided_by = 'sybil'
               and not exists (select 1 from sybil_flags f where f.user_id = $1 and f.project_id = $2
                 and f.status <> 'cleared')`,
            [flag.userId, flag.projectId],
          );
        await tx.query(
          'insert into progress_dirty (user_id, since) values ($1, $2) on conflict (user_id) do nothing',
          [flag.userId, now],
        );
        const out = await tx.query<RawFlag>(`${FLAG_SELECT} where f.id = $1`, [id]);
        return toFlag(out.rows[0]!);
      });
    },

    async projectsWithPending() {
      const r = await db.query<{ id: string }>(
        `select p.id from projects p where exists (select 1 from answers a where a.project_id = p.id and a.status = 'pending')`,
      );
      return r.rows.map((x) => x.id).filter(isUuid);
    },
  };
}

/** Everything a quality pass reads, on one connection (a snapshot transaction), so all of it is of one moment. */
async function readSnapshot(tx: Tx, projectId: string) {
  const project = await projectById(tx, projectId);
  if (!project) return null;
  const answers = await tx.query<PassAnswer>(
    `select a.id::text, a.item_id::text as "itemId", a.user_id as "userId", a.answer, a.status,
       a.decided_by as "decidedBy", a.screen_outcome as "screenOutcome", a.screening, a.is_correct as "isCorrect",
       i.is_gold as "isGold"
     from answers a join items i on i.id = a.item_id
     where a.project_id = $1 and a.kind = 'work' order by a.id`,
    [projectId],
  );
  const items = await tx.query<PassItem & { id: string }>(
    `select i.id::text, i.needed, i.answer_count as "answerCount" from items i
     where i.project_id = $1 and not i.is_gold and i.answer_count > 0`,
    [projectId],
  );
  const skills = await tx.query<{ userId: string; accuracy: number }>(
    `select s.user_id as "userId", s.accuracy from skills s
     where s.method = $2 and s.domain = '*'
       and s.user_id in (select distinct a.user_id from answers a where a.project_id = $1)`,
    [projectId, project.annotation.method],
  );
  const flags = await tx.query<PassFlag>(
    `select f.user_id as "userId", f.kind, f.status, f.evidence from sybil_flags f where f.project_id = $1`,
    [projectId],
  );
  const fixed = await tx.query<{ itemId: string; label: unknown }>(
    `select l.item_id::text as "itemId", l.label from item_labels l
     where l.project_id = $1 and l.source in ('review', 'qa')`,
    [projectId],
  );
  return {
    project,
    answers: answers.rows,
    items: new Map(items.rows.map(({ id, ...item }) => [id, item])),
    accuracy: new Map(skills.rows.map((s) => [s.userId, s.accuracy])),
    flags: flags.rows,
    fixed: new Map(fixed.rows.map((l) => [l.itemId, l.label])),
  };
}
