import { REVIEW_WAITING_CAP } from '../shared/api.ts';
import type { ReviewStanding, ReviewStore, ReviewSubmitContext, ReviewTask } from '../usecases/ports.ts';
import { type Db, inTransaction } from './pool.ts';
import { isUuid, PROJECT_COLUMNS, toProject } from './projectStore.ts';

const isId = (s: string) => /^\d{1,18}$/.test(s);

/** The task columns, read from a review row `r` (a table or a CTE) joined to its answer, item and project. */
const TASK_COLUMNS = `r.id::text, r.project_id as "projectId", p.name as "projectName", p.annotation, p.instructions,
  a.item_id::text as "itemId", i.data as "itemData", a.answer, a.decision_reason as "decisionReason", a.screening,
  r.is_gold as "isGold", r.leased_at as "leasedAt", r.expires_at as "expiresAt"`;
const TASK_JOINS = `join answers a on a.id = r.answer_id join items i on i.id = a.item_id
  join projects p on p.id = r.project_id`;

/**
 * The reviewer's standing in project `p`: $1 is the reviewer. Waiting answers are counted up to `waitingCap`, so the
 * cost stays bounded however long the queue: the queue page needs "100+", a lease only "any".
 */
const standingColumns = (waitingCap: number) => `
  (select count(*)::int from (select 1 from answers w where w.project_id = p.id and w.status = 'review' and w.user_id <> $1
     and not exists (select 1 from reviews d where d.answer_id = w.id and d.reviewer_id = $1 and d.status = 'done')
     limit ${waitingCap}) w) as waiting,
  (select s.accuracy from skills s where s.user_id = $1 and s.method = p.method and s.domain = '*') as accuracy,
  (select json_build_object('done', count(*), 'goldCorrect', count(*) filter (where d.is_correct),
       'goldTotal', count(*) filter (where d.is_gold), 'earnedWei', coalesce(sum(d.reward_wei), 0)::text)
     from reviews d where d.reviewer_id = $1 and d.project_id = p.id and d.status = 'done') as stats`;

type RawStanding = Record<string, unknown> & {
  waiting: number;
  accuracy: number | null;
  stats: { done: number; goldCorrect: number; goldTotal: number; earnedWei: string };
};
const toStanding = ({ waiting, accuracy, stats, ...project }: RawStanding): ReviewStanding => ({
  project: toProject(project as never),
  waiting,
  accuracy,
  stats: { ...stats, earnedWei: BigInt(stats.earnedWei) },
});

/** Another reviewer took the same answer between our snapshot and our lock: the lease is undone and retried. */
class LeaseRaced extends Error {}

/** Peer review in PostgreSQL: blind review leases, verdicts, and the decisions they make. */
export function reviewStore(db: Db): ReviewStore {
  return {
    async standings(reviewerId, now) {
      const r = await db.query<RawStanding>(
        `select * from (
           select ${PROJECT_COLUMNS}, ${standingColumns(REVIEW_WAITING_CAP)},
             exists (select 1 from reviews l where l.reviewer_id = $1 and l.project_id = p.id and l.status = 'leased'
               and l.expires_at > $2) as holding
           from projects p
           where p.status = 'active' or exists (select 1 from reviews d where d.reviewer_id = $1 and d.project_id = p.id)
           -- offset 0 keeps x a subquery of its own, so each count runs once per project, not once per use below
           offset 0) x
         where (x.status = 'active' and (x.waiting > 0 or x.holding)) or (x.stats->>'done')::int > 0
         order by x.waiting desc, x."createdAt" desc`,
        [reviewerId, now],
      );
      return r.rows.map(({ holding: _, ...row }) => toStanding(row as RawStanding));
    },

    async leaseContext(projectId, reviewerId, now) {
      if (!isUuid(projectId)) return null;
      const r = await db.query<
        RawStanding & {
          live:
            | (Omit<ReviewTask, 'leasedAt' | 'expiresAt'> & {
                leasedAt: string;
                expiresAt: string;
              })
            | null;
        }
      >(
        `select ${PROJECT_COLUMNS}, ${standingColumns(1)},
           (select row_to_json(t) from (select ${TASK_COLUMNS} from reviews r ${TASK_JOINS}
              where r.reviewer_id = $1 and r.project_id = $2 and r.status = 'leased' and r.expires_at > $3
              order by r.id limit 1) t) as live
         from projects p where p.id = $2`,
        [reviewerId, projectId, now],
      );
      const row = r.rows[0];
      if (!row) return null;
      const { live, ...standing } = row;
      return {
        standing: toStanding(standing as RawStanding),
        live: live
          ? { ...live, leasedAt: new Date(live.leasedAt), expiresAt: new Date(live.expiresAt) }
          : null,
      };
    },

    async lease(project, reviewerId, now, gold) {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          return await inTransaction(db, async (tx) => {
            const r = await tx.query<ReviewTask & { answerId: string }>(leaseSql(gold), [
              project.id,
              reviewerId,
              now,
              new Date(now.getTime() + project.leaseSeconds * 1000),
            ]);
            const task = r.rows[0];
            if (!task) return null;
            // SKIP LOCKED keeps two reviewers off the answer one of them is leasing right now. But a reviewer
            // whose statement began before another's lease committed can still lock that answer afterwards,
            // judging it free by its older snapshot; this second statement sees every lease committed before our
            // lock, so it catches that case. (Gold reviews may share an answer; nothing to check.)
            if (!gold) {
              const taken = await tx.query(
                `select 1 from reviews x where x.answer_id = $1 and x.id <> $2 and x.status = 'leased'
                   and x.expires_at > $3 and x.reviewer_id <> $4`,
                [task.answerId, task.id, now, reviewerId],
              );
              if (taken.rowCount) throw new LeaseRaced();
            }
            const { answerId: _, ...out } = task;
            return out;
          });
        } catch (error) {
          if (!(error instanceof LeaseRaced)) throw error;
        }
      }
      return null;
    },

    async submitContext(reviewId) {
      if (!isId(reviewId)) return null;
      const r = await db.query(
        `select r.id::text as "rId", r.reviewer_id as "rReviewerId", r.status as "rStatus", r.is_gold as "rIsGold",
           r.expires_at as "rExpiresAt", a.id::text as "rAnswerId", a.answer as "rAnswer", a.status as "rAnswerStatus",
           a.is_correct as "rAnswerIsCorrect", i.data as "rItemData", ${PROJECT_COLUMNS}
         from reviews r join answers a on a.id = r.answer_id join items i on i.id = a.item_id
           join projects p on p.id = r.project_id
         where r.id = $1`,
        [reviewId],
      );
      const row = r.rows[0];
      if (!row) return null;
      const project = Object.fromEntries(Object.entries(row).filter(([k]) => !/^r[A-Z]/.test(k)));
      return {
        id: row.rId,
        reviewerId: row.rReviewerId,
        status: row.rStatus,
        isGold: row.rIsGold,
        expiresAt: row.rExpiresAt,
        project: toProject(project as never),
        answerId: row.rAnswerId,
        answer: row.rAnswer,
        answerStatus: row.rAnswerStatus,
        answerIsCorrect: row.rAnswerIsCorrect,
        itemData: row.rItemData,
      } satisfies ReviewSubmitContext;
    },

    async submit(s) {
      const fixed = s.fixedAnswer === null ? null : JSON.stringify(s.fixedAnswer);
      // One statement: close the review; for a normal review of an answer still in review, decide it and, for a
      // fix, make the fixed answer the item's final label (unless the requester already fixed it); mark both
      // people for a progress refresh.
      const r = await db.query<{ done: number; decided: number }>(
        `with done as (
           update reviews set status = 'done', verdict = $2, reason_code = $3, note = $4, fixed_answer = $5::jsonb,
             is_correct = $6, reward_wei = $7, decided_at = $8
           where id = $1 and status = 'leased' and expires_at > $8
           returning answer_id, is_gold, reviewer_id
         ), decided as (
           update answers a set status = $9, decided_by = 'review', decision_reason = $10, decided_at = $8
           from done where a.id = done.answer_id and not done.is_gold and a.status = 'review'
           returning a.item_id, a.project_id
         ), labelled as (
           insert into item_labels as l (item_id, project_id, label, confidence, answer_count, method, is_final, source,
             updated_at)
           select d.item_id, d.project_id, $5::jsonb, 1, i.answer_count, 'review', true, 'review', $8
           from decided d join items i on i.id = d.item_id where $5::jsonb is not null
           on conflict (item_id) do update set label = excluded.label, confidence = 1, method = 'review',
             is_final = true, source = 'review', updated_at = excluded.updated_at
           where l.source <> 'qa'
         ), dirty as (
           insert into progress_dirty (user_id, since)
           select a.user_id, $8 from done join answers a on a.id = done.answer_id
           union select done.reviewer_id, $8 from done
           on conflict (user_id) do nothing
         )
         select (select count(*)::int from done) as done, (select count(*)::int from decided) as decided`,
        [
          s.id,
          s.verdict,
          s.reasonCode,
          s.note,
          fixed,
          s.isCorrect,
          s.rewardWei.toString(),
          s.now,
          s.answerStatus,
          s.decisionReason,
        ],
      );
      const row = r.rows[0]!;
      return row.done === 1 ? { answerChanged: row.decided === 1 } : null;
    },
  };
}

/**
 * One statement that picks an answer and leases it: $1 project, $2 reviewer, $3 now, $4 expiry. A reviewer's own
 * lease that ran out on the same answer is taken up again (one row per answer and reviewer).
 */
function leaseSql(gold: boolean): string {
  const pick = gold
    ? // A random answer on a gold item: its correctness is known, so the reviewer's verdict can be scored.
      `select a.id from answers a join items i on i.id = a.item_id
       where a.project_id = $1 and a.kind = 'work' and i.is_gold and a.is_correct is not null and a.user_id <> $2
         and not exists (select 1 from reviews x where x.answer_id = a.id
           and ((x.reviewer_id = $2 and x.status = 'done') or (x.reviewer_id <> $2 and x.status = 'leased' and x.expires_at > $3)))
       order by random() limit 1
       for update of a skip locked`
    : `select a.id from answers a
       where a.project_id = $1 and a.status = 'review' and a.user_id <> $2
         and not exists (select 1 from reviews x where x.answer_id = a.id
           and ((x.reviewer_id = $2 and x.status = 'done') or (x.reviewer_id <> $2 and x.status = 'leased' and x.expires_at > $3)))
       order by a.project_id, a.id limit 1
       for update of a skip locked`;
  return `with picked as (${pick}
    ), leased as (
      insert into reviews as x (project_id, answer_id, reviewer_id, is_gold, status, leased_at, expires_at)
      select $1, picked.id, $2, ${gold}, 'leased', $3, $4 from picked
      on conflict (answer_id, reviewer_id) do update set is_gold = excluded.is_gold, status = 'leased',
        leased_at = excluded.leased_at, expires_at = excluded.expires_at
      where x.status <> 'done'
      returning x.id, x.project_id, x.answer_id, x.is_gold, x.leased_at, x.expires_at
    )
    select ${TASK_COLUMNS}, r.answer_id::text as "answerId" from leased r ${TASK_JOINS}`;
}
