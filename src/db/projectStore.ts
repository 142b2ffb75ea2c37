import { getAddress } from 'viem';
import { DomainError } from '../domain/errors.ts';
import { GENESIS_HASH } from '../domain/ledger/ledgerEntryHash.ts';
import type { StoredLedgerEntry } from '../domain/ledger/verifyLedger.ts';
import type { ProjectStats } from '../shared/api.ts';
import { qualitySettings } from '../shared/qualitySettings.ts';
import type { ExportRow, ItemRowOut, ProjectRow, ProjectStore } from '../usecases/ports.ts';
import { hexOf } from './bytes.ts';
import { type Db, inTransaction, type Queryable } from './pool.ts';

export const PROJECT_COLUMNS = `p.id, p.org_id as "orgId", p.name, p.description, p.task_type as "taskType", p.modality,
  p.annotation, p.instructions, p.overlap, p.reward_per_item_wei::text as "rewardPerItemWei",
  p.budget_wei::text as "budgetWei", p.daily_cap as "dailyCap", p.required_level as "requiredLevel", p.languages,
  p.domains, p.deadline, p.exam, p.gold_share as "goldShare", p.lease_seconds as "leaseSeconds", p.status,
  p.item_count as "itemCount", p.gold_count as "goldCount", p.created_at as "createdAt", p.quality,
  p.partner_token as "partnerToken", p.partner_reward_per_item_wei::text as "partnerRewardPerItemWei",
  json_build_object('minStakeWei', p.min_stake_wei::text, 'badgeTier', p.required_badge_tier,
    'token', p.gate_token, 'minTokenWei', p.gate_min_balance_wei::text) as gates`;

type RawProject = Omit<ProjectRow, 'deadline' | 'createdAt'> & { deadline: Date | null; createdAt: Date };

export const toProject = (r: RawProject): ProjectRow => ({
  ...r,
  // Stored settings hold what the requester chose; defaults added later fill in here.
  quality: qualitySettings.parse(r.quality),
  deadline: r.deadline ? r.deadline.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
});

export async function projectById(q: Queryable, id: string): Promise<ProjectRow | null> {
  if (!isUuid(id)) return null;
  const r = await q.query<RawProject>(`select ${PROJECT_COLUMNS} from projects p where p.id = $1`, [id]);
  return r.rows[0] ? toProject(r.rows[0]) : null;
}

export const isUuid = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const IMPORT_BATCH = 5000;

/** Projects, their items, progress and the ledger as stored in PostgreSQL. */
export function projectStore(db: Db): ProjectStore {
  return {
    async createProject(orgId, userId, p) {
      return inTransaction(db, async (tx) => {
        const r = await tx.query<RawProject>(
          `insert into projects as p (org_id, created_by, name, description, task_type, modality, method, annotation,
             instructions, overlap, reward_per_item_wei, budget_wei, daily_cap, required_level, languages, domains,
             deadline, exam, gold_share, lease_seconds, quality, partner_token, partner_reward_per_item_wei,
             min_stake_wei, required_badge_tier, gate_token, gate_min_balance_wei)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
             $22, $23, $24, $25, $26, $27)
           returning ${PROJECT_COLUMNS}`,
          [
            orgId,
            userId,
            p.name,
            p.description,
            p.taskType,
            p.modality,
            p.annotation.method,
            JSON.stringify(p.annotation),
            p.instructions,
            p.overlap,
            p.rewardPerItemWei,
            p.budgetWei,
            p.dailyCap,
            p.requiredLevel,
            p.languages,
            p.domains,
            p.deadline,
            JSON.stringify(p.exam),
            p.goldShare,
            p.leaseSeconds,
            JSON.stringify(p.quality),
            p.partnerToken && getAddress(p.partnerToken),
            p.partnerRewardPerItemWei,
            p.gates.minStakeWei,
            p.gates.badgeTier,
            p.gates.token && getAddress(p.gates.token),
            p.gates.minTokenWei,
          ],
        );
        const project = toProject(r.rows[0]!);
        await tx.query('insert into ledger_heads (project_id, seq, hash) values ($1, 0, $2)', [
          project.id,
          Buffer.from(GENESIS_HASH.slice(2), 'hex'),
        ]);
        return project;
      });
    },

    getProject: (id) => projectById(db, id),

    async listProjects(orgIds) {
      const r = await db.query<RawProject>(
        `select ${PROJECT_COLUMNS} from projects p where p.org_id = any($1::uuid[]) order by p.created_at desc`,
        [orgIds],
      );
      return r.rows.map(toProject);
    },

    async updateProject(id, change) {
      const r = await db.query<RawProject>(
        `update projects p set status = coalesce($2, status), quality = coalesce($3, quality), updated_at = now()
         where id = $1 returning ${PROJECT_COLUMNS}`,
        [id, change.status ?? null, change.quality ? JSON.stringify(change.quality) : null],
      );
      return toProject(r.rows[0]!);
    },

    async insertItems(projectId, items, onProgress) {
      return inTransaction(db, async (tx) => {
        let gold = 0;
        for (let start = 0; start < items.length; start += IMPORT_BATCH) {
          const batch = items.slice(start, start + IMPORT_BATCH);
          const ids: (string | null)[] = [];
          const data: string[] = [];
          const isGold: boolean[] = [];
          const goldAnswers: (string | null)[] = [];
          for (const item of batch) {
            ids.push(item.externalId);
            data.push(JSON.stringify(item.data));
            isGold.push(item.gold !== null);
            goldAnswers.push(item.gold === null ? null : JSON.stringify(item.gold));
            if (item.gold !== null) gold++;
          }
          try {
            await tx.query(
              `insert into items (project_id, external_id, data, is_gold, gold_answer, is_open)
               select $1, e, d, g, a, not g from unnest($2::text[], $3::jsonb[], $4::bool[], $5::jsonb[]) as t(e, d, g, a)`,
              [projectId, ids, data, isGold, goldAnswers],
            );
          } catch (error) {
            const e = error as { code?: string; detail?: string };
            if (e.code === '23505') {
              const id = /=\([^,]+, (.*)\)/.exec(e.detail ?? '')?.[1] ?? '?';
              throw new DomainError(
                'IMPORT_INVALID',
                `item id "${id}" is already in this project; ids must be unique`,
                {
                  problems: [{ line: 0, message: `duplicate id ${id}` }],
                },
              );
            }
            throw error;
          }
          onProgress?.(Math.min(items.length, start + IMPORT_BATCH));
        }
        await tx.query(
          'update projects set item_count = item_count + $2, gold_count = gold_count + $3, updated_at = now() where id = $1',
          [projectId, items.length, gold],
        );
        return { imported: items.length, gold };
      });
    },

    async listItems(projectId, afterId, limit) {
      const r = await db.query<ItemRowOut>(
        `select id, external_id as "externalId", data, is_gold as "isGold", answer_count as "answerCount"
         from items where project_id = $1 and id > $2 order by id limit $3`,
        [projectId, afterId ?? '0', limit],
      );
      return r.rows;
    },

    stats: (projectId, now) => projectStats(db, projectId, now),

    async *exportRows(projectId, order = 'answer') {
      // Keyset pages: by answer id, or by item then answer (so one item's answers arrive together).
      let afterItem = '0';
      let afterAnswer = '0';
      const byItem = order === 'item';
      const where = byItem ? '(a.item_id, a.id) > ($2, $3)' : 'a.id > $2';
      const orderBy = byItem ? 'a.item_id, a.id' : 'a.id';
      for (;;) {
        const r = await db.query<
          ExportRow & {
            ledgerHash: Buffer;
            ledgerPrevHash: Buffer;
            ledgerAnswerHash: Buffer;
            ledgerCreatedAt: Date;
          }
        >(
          `select i.id::text as "itemId", i.external_id as "externalId", i.data, a.id::text as "answerId", u.address as contributor,
             a.answer, a.status, a.duration_ms as "durationMs", a.created_at as "createdAt", a.ledger_seq::int as "ledgerSeq",
             l.hash as "ledgerHash", l.prev_hash as "ledgerPrevHash", l.answer_hash as "ledgerAnswerHash",
             l.contributor as "ledgerContributor", l.item_id::text as "ledgerItemId", l.created_at as "ledgerCreatedAt"
           from answers a join items i on i.id = a.item_id join users u on u.id = a.user_id
           join ledger_entries l on l.project_id = a.project_id and l.seq = a.ledger_seq
           where a.project_id = $1 and a.kind = 'work' and ${where} order by ${orderBy} limit 2000`,
          byItem ? [projectId, afterItem, afterAnswer] : [projectId, afterAnswer],
        );
        if (!r.rows.length) return;
        yield r.rows.map((row) => ({
          ...row,
          ledgerHash: hexOf(row.ledgerHash),
          ledgerPrevHash: hexOf(row.ledgerPrevHash),
          ledgerAnswerHash: hexOf(row.ledgerAnswerHash),
          ledgerCreatedAt: row.ledgerCreatedAt.toISOString(),
        }));
        const last = r.rows[r.rows.length - 1]!;
        afterItem = last.itemId;
        afterAnswer = last.answerId;
      }
    },

    async *ledger(projectId) {
      let after = 0;
      for (;;) {
        const r = await db.query<{
          seq: number;
          contributor: string;
          itemId: string;
          answerHash: Buffer;
          createdAt: Date;
          prevHash: Buffer;
          hash: Buffer;
          answer: unknown;
        }>(
          `select l.seq::int as seq, l.contributor, l.item_id as "itemId", l.answer_hash as "answerHash",
             l.created_at as "createdAt", l.prev_hash as "prevHash", l.hash, a.answer
           from ledger_entries l left join answers a on a.id = l.answer_id
           where l.project_id = $1 and l.seq > $2 order by l.seq limit 5000`,
          [projectId, after],
        );
        if (!r.rows.length) return;
        yield r.rows.map(
          (e): StoredLedgerEntry => ({
            seq: e.seq,
            contributor: e.contributor,
            itemId: e.itemId,
            answerHash: hexOf(e.answerHash),
            createdAt: e.createdAt.toISOString(),
            prevHash: hexOf(e.prevHash),
            hash: hexOf(e.hash),
            // A removed answer row is a tampered answer: hash the absence so the check reports it.
            answer: e.answer === null ? { removed: true } : e.answer,
          }),
        );
        after = r.rows[r.rows.length - 1]!.seq;
      }
    },

    async ledgerHead(projectId) {
      const r = await db.query<{ seq: number; hash: Buffer }>(
        'select seq::int as seq, hash from ledger_heads where project_id = $1',
        [projectId],
      );
      const row = r.rows[0];
      return row ? { seq: row.seq, hash: hexOf(row.hash) } : null;
    },
  };
}

async function projectStats(db: Db, projectId: string, now: Date): Promise<ProjectStats> {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const [counts, agreement, hourly] = await Promise.all([
    db.query<{
      itemCount: number;
      goldCount: number;
      overlap: number;
      itemsDone: number;
      answersTotal: number;
      answersLastHour: number;
      contributors: number;
      skips: number;
      spentWei: string;
    }>(
      `select p.item_count as "itemCount", p.gold_count as "goldCount", p.overlap,
         (select count(*)::int from items i where i.project_id = p.id and not i.is_gold and i.answer_count >= p.overlap) as "itemsDone",
         (select count(*)::int from answers a where a.project_id = p.id and a.kind = 'work') as "answersTotal",
         (select count(*)::int from answers a where a.project_id = p.id and a.kind = 'work' and a.created_at > $2) as "answersLastHour",
         (select count(distinct a.user_id)::int from answers a where a.project_id = p.id and a.kind = 'work') as contributors,
         (select count(*)::int from assignments s where s.project_id = p.id and s.status = 'skipped') as skips,
         (select coalesce(sum(a.reward_wei), 0)::text from answers a where a.project_id = p.id
            and a.status = 'approved') as "spentWei"
       from projects p where p.id = $1`,
      [projectId, hourAgo],
    ),
    // Exact agreement: over items with 2+ answers, the share of answer pairs that are identical.
    db.query<{ agreeing: string | null; pairs: string | null }>(
      `with groups as (
         select item_id, count(*) as c from answers where project_id = $1 and kind = 'work' group by item_id, answer
       ), items as (
         select item_id, sum(c * (c - 1) / 2) as agreeing, sum(c) as n from groups group by item_id having sum(c) > 1
       )
       select sum(agreeing)::text as agreeing, sum(n * (n - 1) / 2)::text as pairs from items`,
      [projectId],
    ),
    db.query<{ hour: Date; answers: number }>(
      `select h as hour, count(a.id)::int as answers
       from generate_series(date_trunc('hour', $2::timestamptz), date_trunc('hour', $3::timestamptz), interval '1 hour') h
       left join answers a on a.project_id = $1 and a.kind = 'work' and a.created_at >= h and a.created_at < h + interval '1 hour'
       group by h order by h`,
      [projectId, new Date(dayAgo.getTime() + 3_600_000), now],
    ),
  ]);
  const c = counts.rows[0]!;
  const pairs = Number(agreement.rows[0]?.pairs ?? 0);
  return {
    itemCount: c.itemCount,
    goldCount: c.goldCount,
    itemsDone: c.itemsDone,
    answersTotal: c.answersTotal,
    answersNeeded: (c.itemCount - c.goldCount) * c.overlap,
    answersLastHour: c.answersLastHour,
    contributors: c.contributors,
    agreement: pairs > 0 ? Number(agreement.rows[0]!.agreeing) / pairs : null,
    skips: c.skips,
    hourly: hourly.rows.map((r) => ({ hour: r.hour.toISOString(), answers: r.answers })),
    spentWei: c.spentWei,
  };
}
