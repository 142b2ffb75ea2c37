import { getAddress } from 'viem';
import type { Leaderboard } from '../shared/api.ts';
import type {
  ActivityStats,
  ProfileData,
  ProgressStore,
  SkillEvidence,
  Standing,
  XpDue,
} from '../usecases/ports.ts';
import { type Db, inTransaction } from './pool.ts';
import { isUuid } from './projectStore.ts';

const uuids = (ids: string[]) => ids.filter(isUuid);

/** Reputation and progress in PostgreSQL: every figure is recomputed from answers, reviews and XP events. */
export function progressStore(db: Db): ProgressStore {
  return {
    async takeDirty(limit) {
      const r = await db.query<{ userId: string }>(
        `delete from progress_dirty where user_id in (
           select user_id from progress_dirty order by since limit $1 for update skip locked)
         returning user_id as "userId"`,
        [limit],
      );
      return r.rows.map((x) => x.userId);
    },

    async markDirty(userIds, now) {
      await db.query(
        `insert into progress_dirty (user_id, since) select u, $2 from unnest($1::uuid[]) u on conflict do nothing`,
        [uuids(userIds), now],
      );
    },

    async evidence(userIds) {
      const r = await db.query<SkillEvidence>(
        `select a.user_id as "userId", m.method, d.domain,
           count(*) filter (where a.is_correct)::int as "goldCorrect",
           count(a.is_correct)::int as "goldTotal",
           count(*) filter (where a.decided_by in ('review', 'qa') and a.status = 'approved')::int as "reviewApproved",
           count(*) filter (where a.decided_by in ('review', 'qa') and a.status = 'rejected')::int as "reviewRejected",
           count(*) filter (where a.consensus_agrees)::int as "consensusAgree",
           count(a.consensus_agrees)::int as "consensusTotal"
         from answers a join projects p on p.id = a.project_id
         cross join lateral (values (p.method), ('*')) as m(method)
         cross join lateral unnest(p.domains || array['*']) as d(domain)
         where a.user_id = any($1::uuid[]) and a.kind = 'work'
         group by 1, 2, 3`,
        [uuids(userIds)],
      );
      return r.rows;
    },

    async saveSkills(rows, now) {
      if (!rows.length) return;
      await db.query(
        `insert into skills (user_id, method, domain, gold_correct, gold_total, review_approved, review_rejected,
           consensus_agree, consensus_total, accuracy, lower, evidence, updated_at)
         select *, $13::timestamptz from unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[],
           $7::int[], $8::int[], $9::int[], $10::real[], $11::real[], $12::real[])
         on conflict (user_id, method, domain) do update set gold_correct = excluded.gold_correct,
           gold_total = excluded.gold_total, review_approved = excluded.review_approved,
           review_rejected = excluded.review_rejected, consensus_agree = excluded.consensus_agree,
           consensus_total = excluded.consensus_total, accuracy = excluded.accuracy, lower = excluded.lower,
           evidence = excluded.evidence, updated_at = excluded.updated_at`,
        [
          rows.map((s) => s.userId),
          rows.map((s) => s.method),
          rows.map((s) => s.domain),
          rows.map((s) => s.goldCorrect),
          rows.map((s) => s.goldTotal),
          rows.map((s) => s.reviewApproved),
          rows.map((s) => s.reviewRejected),
          rows.map((s) => s.consensusAgree),
          rows.map((s) => s.consensusTotal),
          rows.map((s) => s.accuracy),
          rows.map((s) => s.lower),
          rows.map((s) => s.evidence),
          now,
        ],
      );
    },

    async activity(userIds) {
      const ids = uuids(userIds);
      const [totals, domains, days] = await Promise.all([
        db.query<{ userId: string; n: number }>(
          `select user_id as "userId", count(*)::int as n from answers
           where user_id = any($1::uuid[]) and kind = 'work' and status = 'approved' group by 1`,
          [ids],
        ),
        db.query<{ userId: string; domain: string; approved: number; accuracy: number | null }>(
          `select a.user_id as "userId", d.domain, count(*)::int as approved,
             (select s.accuracy from skills s where s.user_id = a.user_id and s.method = '*' and s.domain = d.domain)
               as accuracy
           from answers a join projects p on p.id = a.project_id cross join lateral unnest(p.domains) as d(domain)
           where a.user_id = any($1::uuid[]) and a.kind = 'work' and a.status = 'approved' group by 1, 2`,
          [ids],
        ),
        db.query<{ userId: string; days: string[] }>(
          `select user_id as "userId", array_agg(distinct day order by day) as days from (
             select user_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day from answers
             where user_id = any($1::uuid[]) and kind = 'work' and status = 'approved'
             union all
             select user_id, to_char(day, 'YYYY-MM-DD') from activity_days where user_id = any($1::uuid[])
           ) x group by 1`,
          [ids],
        ),
      ]);
      const out = new Map<string, ActivityStats>();
      for (const id of ids) out.set(id, { approvedTotal: 0, approvedByDomain: {}, activeDays: [] });
      for (const t of totals.rows) out.get(t.userId)!.approvedTotal = t.n;
      for (const d of domains.rows)
        out.get(d.userId)!.approvedByDomain[d.domain] = { approved: d.approved, accuracy: d.accuracy ?? 0 };
      for (const d of days.rows) out.get(d.userId)!.activeDays = d.days;
      return out;
    },

    async xpDue(userIds) {
      const ids = uuids(userIds);
      // XP follows approval: an answer a later ruling rejected gives its XP back.
      await db.query(
        `delete from xp_events e where e.user_id = any($1::uuid[]) and e.source like 'answer:%'
           and not exists (select 1 from answers a where a.id = substring(e.source from 8)::bigint
             and a.status = 'approved')`,
        [ids],
      );
      const r = await db.query<XpDue>(
        `select a.user_id as "userId", 'answer:' || a.id as source, 'answer' as kind, p.method,
           p.required_level as "requiredLevel"
         from answers a join projects p on p.id = a.project_id
         where a.user_id = any($1::uuid[]) and a.kind = 'work' and a.status = 'approved'
           and not exists (select 1 from xp_events e where e.user_id = a.user_id and e.source = 'answer:' || a.id)
         union all
         select r.reviewer_id, 'review:' || r.id, 'review', p.method, p.required_level
         from reviews r join projects p on p.id = r.project_id
         where r.reviewer_id = any($1::uuid[]) and r.status = 'done' and (not r.is_gold or r.is_correct)
           -- a requester checking their own project's work earns no XP for it, as they earn no pay
           and not exists (select 1 from memberships m where m.org_id = p.org_id and m.user_id = r.reviewer_id)
           and not exists (select 1 from xp_events e where e.user_id = r.reviewer_id and e.source = 'review:' || r.id)`,
        [ids],
      );
      return r.rows;
    },

    async grantXp(events, now) {
      if (!events.length) return;
      await db.query(
        `insert into xp_events (user_id, source, xp, created_at)
         select u, s, x, $4 from unnest($1::uuid[], $2::text[], $3::int[]) as e(u, s, x)
         on conflict do nothing`,
        [events.map((e) => e.userId), events.map((e) => e.source), events.map((e) => e.xp), now],
      );
    },

    async award(rows, now) {
      if (!rows.length) return [];
      const r = await db.query<{ userId: string; achievement: string }>(
        `insert into achievements (user_id, achievement, earned_at)
         select u, a, $3 from unnest($1::uuid[], $2::text[]) as x(u, a)
         on conflict do nothing returning user_id as "userId", achievement`,
        [rows.map((x) => x.userId), rows.map((x) => x.achievement), now],
      );
      return r.rows;
    },

    async standings(userIds) {
      const r = await db.query<{
        userId: string;
        xp: string;
        baseLevel: number;
        rank: number;
        accuracy: number | null;
        lower: number | null;
        evidence: number | null;
      }>(
        `with summed as (
           update users u set xp = (select coalesce(sum(e.xp), 0) from xp_events e where e.user_id = u.id)
           where u.id = any($1::uuid[]) returning u.id, u.xp, u.base_level
         )
         select s.id as "userId", s.xp::text, s.base_level as "baseLevel",
           (select count(*)::int from users x where x.xp > s.xp and x.id <> all($1::uuid[])) + 1 as rank,
           k.accuracy, k.lower, k.evidence
         from summed s left join skills k on k.user_id = s.id and k.method = '*' and k.domain = '*'`,
        [uuids(userIds)],
      );
      // Ranks among the refreshed users themselves come from their new XP.
      const rows = r.rows.map((x) => ({ ...x, xp: Number(x.xp) }));
      return rows.map(
        (x): Standing => ({
          userId: x.userId,
          xp: x.xp,
          baseLevel: x.baseLevel,
          rank: x.rank + rows.filter((y) => y.xp > x.xp).length,
          accuracy:
            x.accuracy === null
              ? null
              : { accuracy: x.accuracy, lower: x.lower ?? 0, evidence: x.evidence ?? 0 },
        }),
      );
    },

    async saveStandings(rows) {
      if (!rows.length) return;
      await db.query(
        `update users u set level = s.level, tier = s.tier, accuracy = s.accuracy, demoted_reason = s.reason
         from unnest($1::uuid[], $2::int[], $3::text[], $4::real[], $5::text[]) as s(id, level, tier, accuracy, reason)
         where u.id = s.id`,
        [
          rows.map((x) => x.userId),
          rows.map((x) => x.level),
          rows.map((x) => x.tier),
          rows.map((x) => x.accuracy),
          rows.map((x) => x.demotedReason),
        ],
      );
    },

    async profile(userId, today) {
      if (!isUuid(userId)) return null;
      const u = await db.query<{
        id: string;
        address: string;
        displayName: string | null;
        xp: string;
        level: number;
        tier: string;
        accuracy: number | null;
        demotedReason: string | null;
        rank: number | null;
      }>(
        `select u.id, u.address, u.display_name as "displayName", u.xp::text, u.level, u.tier, u.accuracy,
           u.demoted_reason as "demotedReason",
           case when u.xp > 0 then (select count(*)::int from users x where x.xp > u.xp) + 1 end as rank
         from users u where u.id = $1`,
        [userId],
      );
      const user = u.rows[0];
      if (!user) return null;
      const [skills, achievements, days, answers, reviews, earnings, daily] = await Promise.all([
        db.query<ProfileData['skills'][number]>(
          `select method, domain, accuracy, lower, evidence from skills where user_id = $1
           order by (method = '*') desc, method, (domain = '*') desc, domain`,
          [userId],
        ),
        db.query<{ id: string; earnedAt: Date }>(
          `select achievement as id, earned_at as "earnedAt" from achievements where user_id = $1 order by earned_at desc, achievement`,
          [userId],
        ),
        db.query<{ day: string; checkedIn: boolean }>(
          `select day, bool_or(checked_in) as "checkedIn" from (
             select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, false as checked_in from answers
             where user_id = $1 and kind = 'work' and status = 'approved'
             union all select to_char(day, 'YYYY-MM-DD'), checked_in from activity_days where user_id = $1
           ) x group by day order by day`,
          [userId],
        ),
        db.query<{ status: string; n: number }>(
          `select status, count(*)::int as n from answers where user_id = $1 and kind = 'work' group by status`,
          [userId],
        ),
        db.query<{ done: number; goldCorrect: number; goldTotal: number }>(
          `select count(*)::int as done, count(*) filter (where is_gold and is_correct)::int as "goldCorrect",
             count(*) filter (where is_gold)::int as "goldTotal"
           from reviews where reviewer_id = $1 and status = 'done'`,
          [userId],
        ),
        db.query<{ answersWei: string; reviewsWei: string }>(
          `select (select coalesce(sum(reward_wei), 0)::text from answers
                   where user_id = $1 and kind = 'work' and status = 'approved') as "answersWei",
             (select coalesce(sum(reward_wei), 0)::text from reviews where reviewer_id = $1 and status = 'done')
               as "reviewsWei"`,
          [userId],
        ),
        db.query<{ day: string; xp: number }>(
          `select to_char(d, 'YYYY-MM-DD') as day,
             coalesce((select sum(e.xp)::int from xp_events e where e.user_id = $1
               and e.created_at >= d and e.created_at < d + interval '1 day'), 0) as xp
           from generate_series($2::date - 29, $2::date, interval '1 day') as d order by d`,
          [userId, today],
        ),
      ]);
      const count = (s: string) => answers.rows.find((a) => a.status === s)?.n ?? 0;
      const e = earnings.rows[0]!;
      return {
        user: { id: user.id, address: user.address, displayName: user.displayName },
        xp: Number(user.xp),
        level: user.level,
        tier: user.tier,
        accuracy: user.accuracy,
        demotedReason: user.demotedReason,
        rank: user.rank,
        skills: skills.rows,
        achievements: achievements.rows,
        activeDays: days.rows.map((d) => d.day),
        // Working on a day counts as checking in on it.
        checkedInToday: days.rows.some((d) => d.day === today),
        answers: {
          approved: count('approved'),
          rejected: count('rejected'),
          pending: count('pending'),
          review: count('review'),
        },
        reviews: reviews.rows[0]!,
        earnings: { answersWei: BigInt(e.answersWei), reviewsWei: BigInt(e.reviewsWei) },
        daily: daily.rows,
      };
    },

    async userIdByAddress(address) {
      if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return null;
      const r = await db.query<{ id: string }>('select id from users where address = $1', [
        getAddress(address),
      ]);
      return r.rows[0]?.id ?? null;
    },

    async leaderboard(offset, limit) {
      const [entries, total] = await Promise.all([
        db.query<Omit<Leaderboard['entries'][number], 'xp'> & { xp: string }>(
          `select rank() over (order by u.xp desc)::int as rank, u.address, u.display_name as "displayName",
             u.xp::text, u.level, u.tier, u.accuracy
           from users u where u.xp > 0 order by u.xp desc, u.id offset $1 limit $2`,
          [offset, limit],
        ),
        db.query<{ n: number }>('select count(*)::int as n from users where xp > 0'),
      ]);
      return {
        entries: entries.rows.map((x) => ({ ...x, xp: Number(x.xp) })),
        total: total.rows[0]!.n,
      };
    },

    async checkIn(userId, day, now) {
      const r = await db.query(
        `insert into activity_days (user_id, day, checked_in) values ($1, $2, true)
         on conflict (user_id, day) do update set checked_in = true where not activity_days.checked_in`,
        [userId, day],
      );
      await this.markDirty([userId], now);
      return (r.rowCount ?? 0) > 0;
    },

    async importReputation(source, entries, now) {
      return inTransaction(db, async (tx) => {
        const addresses = entries.map((e) => getAddress(e.address));
        await tx.query(
          `insert into users (address) select unnest($1::text[]) on conflict (address) do nothing`,
          [addresses],
        );
        const r = await tx.query<{ userId: string }>(
          `with e as (
             select u.id, x.xp, x.level from unnest($1::text[], $2::int[], $3::int[]) as x(address, xp, level)
             join users u on u.address = x.address
           ), granted as (
             insert into xp_events (user_id, source, xp, created_at) select id, $4, xp, $5 from e
             on conflict do nothing returning user_id
           ), levels as (
             update users u set base_level = greatest(u.base_level, e.level)
             from e where u.id = e.id and e.level is not null and u.id in (select user_id from granted)
           )
           select user_id as "userId" from granted`,
          [addresses, entries.map((e) => e.xp), entries.map((e) => e.level ?? null), `import:${source}`, now],
        );
        await tx.query(
          `insert into progress_dirty (user_id, since) select u, $2 from unnest($1::uuid[]) u on conflict do nothing`,
          [r.rows.map((x) => x.userId), now],
        );
        return { imported: r.rowCount ?? 0, skipped: entries.length - (r.rowCount ?? 0) };
      });
    },
  };
}
