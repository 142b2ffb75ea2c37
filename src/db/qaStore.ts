import type { QaSampleRow, QaStore } from '../usecases/ports.ts';
import type { Db } from './pool.ts';
import { isUuid } from './projectStore.ts';

const isId = (s: string) => /^\d{1,18}$/.test(s);

type RawSampleRow = Omit<QaSampleRow, 'decidedAt'> & { decidedAt: string | null };

/** The requester's quality check in PostgreSQL: samples of decided answers and the overrides. */
export function qaStore(db: Db): QaStore {
  return {
    async sample(projectId, size) {
      if (!isUuid(projectId)) return { rows: [], alreadyChecked: 0, decided: 0 };
      // The answers QA looks at: decided work answers on real (not gold) items.
      const r = await db.query<{ rows: RawSampleRow[]; alreadyChecked: number; decided: number }>(
        `with decided as (
           select a.* from answers a join items i on i.id = a.item_id
           where a.project_id = $1 and a.kind = 'work' and not i.is_gold and a.status in ('approved', 'rejected')
         )
         select (select count(*)::int from decided) as decided,
           (select count(*)::int from decided where qa_verdict is not null) as "alreadyChecked",
           coalesce((select json_agg(s) from (
             select d.id::text as "answerId", d.item_id::text as "itemId", i.external_id as "externalId",
               i.data as "itemData", d.answer, d.status, d.decided_by as "decidedBy",
               d.decision_reason as "decisionReason", d.decided_at as "decidedAt",
               d.consensus_score as "consensusScore",
               case when l.item_id is null then null
                 else json_build_object('label', l.label, 'confidence', l.confidence, 'source', l.source) end as label,
               u.address as contributor
             from decided d join items i on i.id = d.item_id join users u on u.id = d.user_id
               left join item_labels l on l.item_id = d.item_id
             where d.qa_verdict is null order by random() limit $2) s), '[]') as rows`,
        [projectId, size],
      );
      const row = r.rows[0]!;
      return {
        decided: row.decided,
        alreadyChecked: row.alreadyChecked,
        rows: row.rows.map((x) => ({ ...x, decidedAt: x.decidedAt ? new Date(x.decidedAt) : null })),
      };
    },

    async answer(answerId) {
      if (!isId(answerId)) return null;
      const r = await db.query<{
        answerId: string;
        projectId: string;
        itemData: Record<string, unknown>;
        answer: unknown;
      }>(
        `select a.id::text as "answerId", a.project_id as "projectId", i.data as "itemData", a.answer
         from answers a join items i on i.id = a.item_id where a.id = $1 and a.kind = 'work'`,
        [answerId],
      );
      return r.rows[0] ?? null;
    },

    async apply(s) {
      const fixed = s.fixedAnswer === null ? null : JSON.stringify(s.fixedAnswer);
      // One statement: the requester's word replaces any earlier decision; a fix becomes the item's final label.
      const r = await db.query<{ status: 'approved' | 'rejected'; decidedAt: Date }>(
        `with decided as (
           update answers set status = $2, decided_by = 'qa', decision_reason = $4, decided_at = $5, qa_verdict = $3
           where id = $1
           returning item_id, project_id, user_id, status, decided_at
         ), labelled as (
           insert into item_labels as l (item_id, project_id, label, confidence, answer_count, method, is_final, source,
             updated_at)
           select d.item_id, d.project_id, $6::jsonb, 1, i.answer_count, 'qa', true, 'qa', $5
           from decided d join items i on i.id = d.item_id where $6::jsonb is not null
           on conflict (item_id) do update set label = excluded.label, confidence = 1, method = 'qa', is_final = true,
             source = 'qa', updated_at = excluded.updated_at
         ), dirty as (
           insert into progress_dirty (user_id, since) select user_id, $5 from decided on conflict (user_id) do nothing
         )
         select status, decided_at as "decidedAt" from decided`,
        [s.answerId, s.status, s.verdict, s.decisionReason, s.now, fixed],
      );
      return r.rows[0]!;
    },
  };
}
