import { utcDayStart } from '../domain/tasks/utcDayStart.ts';
import type { ExamStatus } from '../shared/api.ts';
import type {
  AssignmentRow,
  HistoryRow,
  Lease,
  ProjectRow,
  StoredAnswer,
  SubmitInput,
  TaskRow,
  WorkStore,
} from '../usecases/ports.ts';
import { hexOf } from './bytes.ts';
import { type Db, inTransaction, type Queryable } from './pool.ts';
import { isUuid, PROJECT_COLUMNS, toProject } from './projectStore.ts';
import { submitBatcher } from './submitBatch.ts';

const isId = (s: string) => /^\d{1,18}$/.test(s);

type RawLease = {
  id: string;
  projectId: string;
  kind: 'work' | 'exam';
  itemId: string;
  data: Record<string, unknown>;
  leasedAt: Date;
  expiresAt: Date;
};
const LEASE_COLUMNS = `a.id, a.project_id as "projectId", a.kind, a.item_id as "itemId", i.data, a.leased_at as "leasedAt",
  a.expires_at as "expiresAt"`;

/** The work loop in PostgreSQL: discovery, exams, leases, answers and the ledger. */
export function workStore(db: Db): WorkStore {
  /** One answer in one statement (exam answers, and retries of a group that hit a conflict). */
  async function submitOne(s: SubmitInput): Promise<StoredAnswer | null> {
    // One statement, so one round trip: close the lease, advance the project's ledger head (its row lock orders
    // the chain), store the answer and its ledger entry, count it on the item and, for exams, score the attempt.
    const r = await db.query<{ answerId: string; seq: number; hash: Buffer }>(
      `with closed as (
           update assignments set status = 'submitted', closed_at = $3
           where id = $1 and status = 'leased' and expires_at > $3
           returning id, item_id, kind, exam_attempt
         ), head as (
           update ledger_heads set seq = seq + 1, prev_hash = hash, hash = sha256(hash || convert_to($4, 'UTF8')),
             work_answers = work_answers + (select count(*) from closed where closed.kind = 'work' and $9::boolean is null)
           where project_id = $2 and exists (select 1 from closed)
           returning seq, prev_hash, hash
         ), answer as (
           insert into answers (project_id, item_id, assignment_id, user_id, kind, answer, duration_ms, idempotency_key,
             is_correct, reward_wei, created_at, ledger_seq, screening, screen_outcome, status, decided_by, decided_at)
           select $2, closed.item_id, closed.id, $5, closed.kind, $6, $7, $8, $9, $10, $3, head.seq, $14, $15,
             -- exam answers are settled by their gold answer at once; work answers wait for the quality pass
             case when closed.kind = 'work' then 'pending' when $9 then 'approved' else 'rejected' end,
             case when closed.kind = 'exam' then 'gold' end, case when closed.kind = 'exam' then $3::timestamptz end
           from closed, head
           returning id, item_id
         ), entry as (
           insert into ledger_entries (project_id, seq, answer_id, contributor, item_id, answer_hash, created_at, prev_hash, hash)
           select $2, head.seq, answer.id, $11, answer.item_id, $12, $3, head.prev_hash, head.hash from head, answer
         ), counted as (
           update items set answer_count = answer_count + 1 from answer where items.id = answer.item_id
         ), exam as (
           update exam_attempts e set answered = e.answered + 1, correct = e.correct + (case when $9 then 1 else 0 end),
             status = case when e.answered + 1 < e.question_count then e.status
               when (e.correct + (case when $9 then 1 else 0 end))::real / e.question_count >= $13 then 'passed' else 'failed' end,
             finished_at = case when e.answered + 1 >= e.question_count then $3 end
           from closed where closed.kind = 'exam' and e.project_id = $2 and e.user_id = $5 and e.attempt = closed.exam_attempt
             and exists (select 1 from answer)
         )
         select answer.id as "answerId", head.seq::int as seq, head.hash from answer, head`,
      [
        s.assignment.id,
        s.project.id,
        s.now,
        s.payloadText,
        s.assignment.userId,
        JSON.stringify(s.answer),
        s.durationMs,
        s.idempotencyKey,
        s.isCorrect,
        s.rewardWei.toString(),
        s.contributor,
        Buffer.from(s.answerHash.slice(2), 'hex'),
        s.project.exam.passRate,
        JSON.stringify(s.screening),
        s.screenOutcome,
      ],
    );
    const row = r.rows[0];
    if (!row) return null;
    return {
      answerId: row.answerId,
      assignmentId: s.assignment.id,
      ledgerSeq: row.seq,
      ledgerHash: hexOf(row.hash),
    } satisfies StoredAnswer;
  }
  const submitWork = submitBatcher(db, submitOne);

  return {
    async tasks(userId, now, projectId) {
      const dayStart = utcDayStart(now);
      const r = await db.query(
        `select ${PROJECT_COLUMNS},
           greatest(0, (p.item_count - p.gold_count) * p.overlap
             - coalesce((select h.work_answers from ledger_heads h where h.project_id = p.id), 0))::int as "remainingItems",
           -- the latest 200 timed answers, read backwards along answers_project_time
           (select percentile_cont(0.5) within group (order by d.duration_ms) from
              (select duration_ms from answers a where a.project_id = p.id and a.kind = 'work' and a.duration_ms is not null
               order by a.created_at desc limit 200) d) as "medianMs",
           (select count(*)::int from (select 1 from answers a where a.project_id = p.id and a.kind = 'work'
              and a.duration_ms is not null limit 5) t) as "timedAnswers",
           (select count(*)::int from answers a where a.project_id = p.id and a.user_id = $1 and a.kind = 'work'
              and a.created_at >= $2) as "doneToday",
           (select json_build_object('correct', count(*) filter (where g.is_correct), 'total', count(*))
              from answers g where g.user_id = $1 and g.project_id = p.id and g.kind = 'work'
                and g.is_correct is not null) as gold
         from projects p
         where p.status = 'active' and (p.deadline is null or p.deadline > $3) and ($4::uuid is null or p.id = $4)
         order by p.created_at desc`,
        [userId, dayStart, now, projectId ?? null],
      );
      const rows: TaskRow[] = [];
      for (const raw of r.rows) {
        const { remainingItems, medianMs, timedAnswers, doneToday, gold, ...rest } = raw;
        const project = toProject(rest);
        rows.push({
          project,
          remainingItems,
          medianMs: medianMs === null ? null : Number(medianMs),
          timedAnswers,
          doneToday,
          gold,
          exam: await examStatus(db, project, userId),
        });
      }
      return rows;
    },

    examStatus: (project, userId) => examStatus(db, project, userId),

    async startExam(project, userId, now) {
      return inTransaction(db, async (tx) => {
        // One exam start at a time per contributor and project.
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`exam:${project.id}:${userId}`]);
        const open = await tx.query<{ attempt: number }>(
          `select attempt from exam_attempts where project_id = $1 and user_id = $2 and status = 'in_progress'`,
          [project.id, userId],
        );
        const expiresAt = new Date(now.getTime() + project.leaseSeconds * 1000 * project.exam.questionCount);
        let attempt = open.rows[0]?.attempt;
        if (attempt === undefined) {
          const last = await tx.query<{ n: number }>(
            'select coalesce(max(attempt), 0)::int as n from exam_attempts where project_id = $1 and user_id = $2',
            [project.id, userId],
          );
          attempt = last.rows[0]!.n + 1;
          await tx.query(
            `insert into exam_attempts (project_id, user_id, attempt, question_count, status, started_at)
             values ($1, $2, $3, $4, 'in_progress', $5)`,
            [project.id, userId, attempt, project.exam.questionCount, now],
          );
          // Each attempt draws its own random gold items.
          await tx.query(
            `insert into assignments (project_id, item_id, user_id, kind, status, leased_at, expires_at, exam_attempt)
             select $1, i.id, $2, 'exam', 'leased', $3, $4, $5 from items i
             where i.project_id = $1 and i.is_gold order by random() limit $6`,
            [project.id, userId, now, expiresAt, attempt, project.exam.questionCount],
          );
        } else {
          // Reopened exams get a fresh clock for the questions still unanswered.
          await tx.query(
            `update assignments set expires_at = $4 where project_id = $1 and user_id = $2 and exam_attempt = $3 and status = 'leased'`,
            [project.id, userId, attempt, expiresAt],
          );
        }
        const r = await tx.query<RawLease>(
          `select ${LEASE_COLUMNS} from assignments a join items i on i.id = a.item_id
           where a.project_id = $1 and a.user_id = $2 and a.kind = 'exam' and a.exam_attempt = $3 and a.status = 'leased'
           order by a.id`,
          [project.id, userId, attempt],
        );
        return r.rows;
      });
    },

    async leaseContext(projectId, userId, now, dayStart) {
      if (!isUuid(projectId)) return null;
      const r = await db.query(
        `select ${PROJECT_COLUMNS},
           (select count(*)::int from answers x where x.user_id = $2 and x.project_id = p.id and x.kind = 'work'
              and x.created_at >= $4) as "doneToday",
           (select json_build_object('correct', count(*) filter (where g.is_correct), 'total', count(*))
              from answers g where g.user_id = $2 and g.project_id = p.id and g.kind = 'work'
                and g.is_correct is not null) as gold,
           coalesce((select json_agg(json_build_object('id', a.id::text, 'itemId', a.item_id::text, 'data', i.data,
                'leasedAt', a.leased_at, 'expiresAt', a.expires_at) order by a.id)
              from assignments a join items i on i.id = a.item_id
              where a.user_id = $2 and a.project_id = p.id and a.kind = 'work' and a.status = 'leased' and a.expires_at > $3),
             '[]') as live,
           coalesce((select json_object_agg(e.token, (e.funded_wei - e.refunded_wei)::text)
              from escrow_balances e where e.project_id = p.id), '{}') as escrow,
           p.committed_wei::text as "committedWei", p.partner_committed_wei::text as "partnerCommittedWei"
         from projects p where p.id = $1`,
        [projectId, userId, now, dayStart],
      );
      const row = r.rows[0];
      if (!row) return null;
      const { doneToday, live, gold, escrow, committedWei, partnerCommittedWei, ...project } = row;
      type RawLive = {
        id: string;
        itemId: string;
        data: Record<string, unknown>;
        leasedAt: string;
        expiresAt: string;
      };
      return {
        project: toProject(project),
        doneToday,
        gold,
        escrow: {
          heldWei: new Map(
            Object.entries(escrow as Record<string, string>).map(([t, v]) => [t.toLowerCase(), BigInt(v)]),
          ),
          committedWei: BigInt(committedWei),
          partnerCommittedWei: BigInt(partnerCommittedWei),
        },
        live: (live as RawLive[]).map((l) => ({
          ...l,
          projectId,
          kind: 'work' as const,
          leasedAt: new Date(l.leasedAt),
          expiresAt: new Date(l.expiresAt),
        })),
      };
    },

    async leaseNew(project, userId, now) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const fresh =
          (await leaseNew(db, project, userId, now)) ?? (await leaseNew(db, project, userId, now, true));
        if (fresh) return fresh;
        // SKIP LOCKED passes over items other contributors are leasing this instant: if any open item is left
        // for this contributor, it was only busy, so try again.
        if (!(await openItemLeft(db, project.id, userId))) break;
        await new Promise((r) => setTimeout(r, 2 + Math.random() * 8));
      }
      // Nothing open: leases that ran out may be holding the last items.
      if ((await expireLeases(db, now, project.id)) > 0) return leaseNew(db, project, userId, now, true);
      return null;
    },

    hasOpenItem(projectId, userId) {
      return openItemLeft(db, projectId, userId);
    },

    async leaseGold(project, userId, now) {
      const expiresAt = new Date(now.getTime() + project.leaseSeconds * 1000);
      // A gold item leases like any work item (the contributor cannot tell them apart), but it is never
      // closed by overlap: everyone can be checked on it once. An offset into the gold items, chosen at random,
      // spreads contributors over them without sorting the whole set.
      const r = await db.query<RawLease>(
        `with candidates as (
           select i.id from items i
           where i.project_id = $1 and i.is_gold
             and not exists (select 1 from assignments a where a.item_id = i.id and a.user_id = $2)
         ), picked as (
           select id from candidates offset floor(random() * greatest((select count(*) from candidates), 1)) limit 1
         ), claimed as (
           update items set claims = claims + 1 from picked where items.id = picked.id returning items.id, items.data
         ), leased as (
           insert into assignments (project_id, item_id, user_id, kind, status, leased_at, expires_at)
           select $1, claimed.id, $2, 'work', 'leased', $3, $4 from claimed
           returning id, project_id, kind, item_id, leased_at, expires_at
         )
         select l.id, l.project_id as "projectId", l.kind, l.item_id as "itemId", c.data, l.leased_at as "leasedAt",
           l.expires_at as "expiresAt"
         from leased l join claimed c on c.id = l.item_id`,
        [project.id, userId, now, expiresAt],
      );
      return r.rows[0] ?? null;
    },

    async similarTexts(projectId, buckets) {
      const r = await db.query<{ contributorId: string; signature: number[] }>(
        `select s.user_id as "contributorId", s.signature from text_signatures s
         where s.answer_id in (
           select b.answer_id from text_bands b
           join unnest($2::int[]) with ordinality as q(bucket, band) on b.band = q.band - 1 and b.bucket = q.bucket
           where b.project_id = $1 limit 200)`,
        [projectId, Array.from(buckets)],
      );
      return r.rows.map((row) => ({ ...row, signature: row.signature.map((h) => h >>> 0) }));
    },

    async saveTextSignature({ answerId, projectId, userId, signature, buckets }) {
      await db.query(
        `with s as (
           insert into text_signatures (answer_id, project_id, user_id, signature) values ($1, $2, $3, $4)
           on conflict do nothing returning answer_id
         )
         insert into text_bands (project_id, band, bucket, answer_id)
         select $2, (q.band - 1)::smallint, q.bucket, s.answer_id from s, unnest($5::int[]) with ordinality as q(bucket, band)`,
        // Signatures are unsigned 32-bit; the column is a signed int4, so store the same bits.
        [answerId, projectId, userId, Array.from(signature, (h) => h | 0), Array.from(buckets)],
      );
    },

    async submitContext(assignmentId, userId, idempotencyKey, dayStart) {
      if (!isId(assignmentId)) return null;
      const r = await db.query(
        `select a.id as "aId", a.project_id as "aProjectId", a.item_id as "aItemId", a.user_id as "aUserId",
           a.kind as "aKind", a.status as "aStatus", a.leased_at as "aLeasedAt", a.expires_at as "aExpiresAt",
           a.exam_attempt as "aExamAttempt",
           i.data as "aItemData", i.gold_answer as "aGoldAnswer", i.is_gold as "aIsGold", ${PROJECT_COLUMNS},
           (select count(*)::int from answers x where x.user_id = $2 and x.project_id = a.project_id and x.kind = 'work'
              and x.created_at >= $4) as "doneToday",
           (select json_build_object('answerId', e.id::text, 'assignmentId', e.assignment_id::text,
                'ledgerSeq', e.ledger_seq, 'ledgerHash', '0x' || encode(l.hash, 'hex'))
              from answers e join ledger_entries l on l.project_id = e.project_id and l.seq = e.ledger_seq
              where $3::text is not null and e.user_id = $2 and e.idempotency_key = $3) as earlier,
           (select coalesce(json_agg(r.answer order by r.created_at), '[]') from (
              select x.answer, x.created_at from answers x
              where x.user_id = $2 and x.project_id = a.project_id and x.kind = 'work'
              order by x.created_at desc
              limit greatest(coalesce((p.quality #>> '{screening,straightLining,runLength}')::int, 10) - 1, 1)) r) as recent
         from assignments a join items i on i.id = a.item_id join projects p on p.id = a.project_id
         where a.id = $1`,
        [assignmentId, userId, idempotencyKey, dayStart],
      );
      const row = r.rows[0];
      if (!row) return null;
      const {
        aId,
        aProjectId,
        aItemId,
        aUserId,
        aKind,
        aStatus,
        aLeasedAt,
        aExpiresAt,
        aExamAttempt,
        aItemData,
        aGoldAnswer,
        aIsGold,
      } = row;
      const { doneToday, earlier, recent, ...rest } = row;
      const project = Object.fromEntries(Object.entries(rest).filter(([k]) => !/^a[A-Z]/.test(k)));
      return {
        assignment: {
          id: aId,
          projectId: aProjectId,
          itemId: aItemId,
          userId: aUserId,
          kind: aKind,
          status: aStatus,
          leasedAt: aLeasedAt,
          expiresAt: aExpiresAt,
          examAttempt: aExamAttempt,
          itemData: aItemData,
          goldAnswer: aGoldAnswer,
          isGold: aIsGold,
        },
        project: toProject(project as never),
        doneToday,
        earlier: earlier ? { ...earlier, ledgerSeq: Number(earlier.ledgerSeq) } : null,
        recent,
      };
    },

    expireLeases: (now, projectId) => expireLeases(db, now, projectId),

    async assignment(id) {
      if (!isId(id)) return null;
      const r = await db.query<AssignmentRow>(
        `select a.id, a.project_id as "projectId", a.item_id as "itemId", a.user_id as "userId", a.kind, a.status,
           a.leased_at as "leasedAt", a.expires_at as "expiresAt", a.exam_attempt as "examAttempt", i.data as "itemData",
           i.gold_answer as "goldAnswer", i.is_gold as "isGold"
         from assignments a join items i on i.id = a.item_id where a.id = $1`,
        [id],
      );
      return r.rows[0] ?? null;
    },

    async answerByIdempotencyKey(userId, key) {
      const r = await db.query<{ answerId: string; assignmentId: string; ledgerSeq: number; hash: Buffer }>(
        `select a.id as "answerId", a.assignment_id as "assignmentId", a.ledger_seq::int as "ledgerSeq", l.hash
         from answers a join ledger_entries l on l.project_id = a.project_id and l.seq = a.ledger_seq
         where a.user_id = $1 and a.idempotency_key = $2`,
        [userId, key],
      );
      const row = r.rows[0];
      return row
        ? {
            answerId: row.answerId,
            assignmentId: row.assignmentId,
            ledgerSeq: row.ledgerSeq,
            ledgerHash: hexOf(row.hash),
          }
        : null;
    },

    submit: (s) => (s.assignment.kind === 'work' ? submitWork(s) : submitOne(s)),

    async skip(assignmentId, reason, note, now) {
      if (!isId(assignmentId)) return false;
      const r = await db.query(
        `with skipped as (
           update assignments set status = 'skipped', closed_at = $2, skip_reason = $3, skip_note = $4
           where id = $1 and status = 'leased' and kind = 'work' returning item_id
         )
         update items set claims = items.claims - 1, is_open = items.claims - 1 < coalesce(items.needed, p.overlap)
         from skipped, projects p where items.id = skipped.item_id and p.id = items.project_id`,
        [assignmentId, now, reason, note],
      );
      return r.rowCount === 1;
    },

    async release(assignmentId, now) {
      if (!isId(assignmentId)) return false;
      const r = await db.query(
        `with released as (
           delete from assignments where id = $1 and status = 'leased' and kind = 'work' and expires_at > $2 returning item_id
         )
         update items set claims = items.claims - 1, is_open = items.claims - 1 < coalesce(items.needed, p.overlap)
         from released, projects p where items.id = released.item_id and p.id = items.project_id`,
        [assignmentId, now],
      );
      return r.rowCount === 1;
    },

    async history(userId, beforeId, limit) {
      const r = await db.query<Omit<HistoryRow, 'rewardWei'> & { rewardWei: string }>(
        `select a.id as "answerId", a.kind, a.project_id as "projectId", p.name as "projectName", p.method, a.item_id as "itemId",
           a.answer, a.created_at as "createdAt", a.ledger_seq::int as "ledgerSeq",
           -- earned only once approved
           (case when a.status = 'approved' then a.reward_wei else 0 end)::text as "rewardWei"
         from answers a join projects p on p.id = a.project_id
         where a.user_id = $1 and ($2::bigint is null or a.id < $2) order by a.id desc limit $3`,
        [userId, beforeId, limit],
      );
      return r.rows.map((h) => ({ ...h, rewardWei: BigInt(h.rewardWei) }));
    },
  };
}

/**
 * Leases the first open item the contributor has not seen. Items are handed out in id order, so the search starts
 * after the last item this contributor was given (`fromStart` false) and only walks from the beginning when that
 * finds nothing: otherwise every lease would step over all the items they already answered that are still open.
 */
async function leaseNew(
  q: Queryable,
  project: ProjectRow,
  userId: string,
  now: Date,
  fromStart = false,
): Promise<Lease | null> {
  const expiresAt = new Date(now.getTime() + project.leaseSeconds * 1000);
  // SKIP LOCKED lets concurrent contributors take different items; claims on the item row keep overlap exact.
  const r = await q.query<RawLease>(
    // `= any(array[…])` and the two-column order keep the planner on items_open (project_id, id) instead of
    // walking the primary key through other projects' items; `offset 0` keeps the check a per-row index probe.
    `with picked as (
       select i.id from items i
       where i.project_id = any(array[$1::uuid]) and i.is_open and not i.is_gold
         and i.id > (case when $6 then 0 else coalesce((select max(s.item_id) from assignments s
           where s.user_id = $2 and s.project_id = $1 and s.kind = 'work'), 0) end)
         and not exists (select 1 from assignments a where a.item_id = i.id and a.user_id = $2 and a.kind = 'work' offset 0)
       order by i.project_id, i.id limit 1
       for update skip locked
     ), claimed as (
       -- the item's own target (dynamic overlap) when the quality pass set one, else the project's overlap
       update items set claims = claims + 1, is_open = claims + 1 < coalesce(needed, $5) from picked where items.id = picked.id
       returning items.id, items.data
     ), leased as (
       insert into assignments (project_id, item_id, user_id, kind, status, leased_at, expires_at)
       select $1, claimed.id, $2, 'work', 'leased', $3, $4 from claimed
       returning id, project_id, kind, item_id, leased_at, expires_at
     )
     select l.id, l.project_id as "projectId", l.kind, l.item_id as "itemId", c.data, l.leased_at as "leasedAt",
       l.expires_at as "expiresAt"
     from leased l join claimed c on c.id = l.item_id`,
    [project.id, userId, now, expiresAt, project.overlap, fromStart],
  );
  return r.rows[0] ?? null;
}

async function openItemLeft(q: Queryable, projectId: string, userId: string): Promise<boolean> {
  const r = await q.query(
    `select 1 from items i where i.project_id = any(array[$1::uuid]) and i.is_open and not i.is_gold
       and not exists (select 1 from assignments a where a.item_id = i.id and a.user_id = $2 and a.kind = 'work' offset 0)
     order by i.project_id, i.id limit 1`,
    [projectId, userId],
  );
  return r.rowCount === 1;
}

async function expireLeases(q: Queryable, now: Date, projectId?: string): Promise<number> {
  const r = await q.query(
    `with gone as (
       update assignments set status = 'expired', closed_at = $1
       where status = 'leased' and expires_at <= $1 and ($2::uuid is null or project_id = $2)
       returning item_id, kind
     ), per_item as (select item_id, count(*)::int as n from gone where kind = 'work' group by item_id)
     update items set claims = items.claims - per_item.n,
       is_open = items.claims - per_item.n < coalesce(items.needed, p.overlap)
     from per_item, projects p where items.id = per_item.item_id and p.id = items.project_id`,
    [now, projectId && isUuid(projectId) ? projectId : null],
  );
  return r.rowCount ?? 0;
}

async function examStatus(q: Queryable, project: ProjectRow, userId: string): Promise<ExamStatus> {
  const base = {
    questionCount: project.exam.questionCount,
    passRate: project.exam.passRate,
    maxAttempts: project.exam.maxAttempts,
  };
  if (!project.exam.enabled)
    return { ...base, status: 'not_required', answered: 0, correct: 0, attemptsUsed: 0, score: null };
  const r = await q.query<{
    attempt: number;
    answered: number;
    correct: number;
    status: 'in_progress' | 'passed' | 'failed';
    questions: number;
  }>(
    `select attempt, answered, correct, status, question_count as questions from exam_attempts
     where project_id = $1 and user_id = $2 order by (status = 'passed') desc, attempt desc limit 1`,
    [project.id, userId],
  );
  const last = r.rows[0];
  if (!last) return { ...base, status: 'not_started', answered: 0, correct: 0, attemptsUsed: 0, score: null };
  const attempts = await q.query<{ n: number }>(
    'select count(*)::int as n from exam_attempts where project_id = $1 and user_id = $2',
    [project.id, userId],
  );
  return {
    ...base,
    questionCount: last.questions,
    status: last.status,
    answered: last.answered,
    correct: last.correct,
    attemptsUsed: attempts.rows[0]!.n,
    score: last.status === 'in_progress' ? null : last.correct / last.questions,
  };
}
