import fc from 'fast-check';
import { type Address, getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/setup/testDb.ts';
import { totalsByToken } from '../domain/settlement/totalsByToken.ts';
import { createProjectBody } from '../shared/api.ts';
import type { EpochLeaf } from '../usecases/chainPorts.ts';
import { accountStore } from './accountStore.ts';
import type { Db } from './pool.ts';
import { projectStore } from './projectStore.ts';
import { settlementStore } from './settlementStore.ts';

// Cumulative totals per (account, token) are summed in SQL (settlementStore.cumulativeTotals), so the property
// runs against PostgreSQL: arbitrary answers and reviews, accrued, put in epochs and totalled by the store,
// against the same rules stated plainly here.

const PLATFORM = getAddress('0x5fbdb2315678afecb367f032d93f642f64180aa3');
const PARTNER = getAddress('0xe7f1725e7734ce288f8367e1bb143e90bb3f0512');
const HOUR = 3_600_000;
const T0 = new Date('2026-05-01T12:00:00Z').getTime();
/** The two rounds: each accrues work decided up to its cutoff, then opens its epoch. */
const ROUNDS = [
  { epoch: 1, cutoff: new Date(T0), now: new Date(T0 + HOUR) },
  { epoch: 2, cutoff: new Date(T0 + 10 * HOUR), now: new Date(T0 + 11 * HOUR) },
];
/** When an answer or review was decided: before the first cutoff, between the two, after both, or not yet. */
const DECIDED = {
  first: new Date(T0 - 2 * HOUR),
  second: new Date(T0 + 5 * HOUR),
  later: new Date(T0 + 20 * HOUR),
  never: null,
} as const;
type Decided = keyof typeof DECIDED;

let db: Db;
let drop: () => Promise<void>;
let store: ReturnType<typeof settlementStore>;
let users: { id: string; address: Address }[];
let projectIds: string[];

beforeAll(async () => {
  ({ db, drop } = await testDb());
  store = settlementStore(db);
  const accounts = accountStore(db);
  const owner = await accounts.upsertUser(getAddress(`0x${'a1'.padStart(40, '0')}`), 'owner');
  const orgId = (await accounts.createOrg('Org', owner.id)).id;
  users = [];
  for (let u = 1; u <= 4; u++) {
    const user = await accounts.upsertUser(
      getAddress(`0x${(u * 0x1111).toString(16).padStart(40, '0')}`),
      null,
    );
    users.push({ id: user.id, address: user.address as Address });
  }
  const projects = projectStore(db);
  projectIds = [];
  for (const name of ['Plain', 'Dual reward']) {
    const p = await projects.createProject(
      orgId,
      owner.id,
      createProjectBody.parse({
        name,
        modality: 'text',
        annotation: {
          method: 'single_choice',
          config: {
            choices: [
              { value: 'a', label: 'A' },
              { value: 'b', label: 'B' },
            ],
          },
        },
        overlap: 2,
        rewardPerItemWei: '5',
      }),
    );
    projectIds.push(p.id);
  }
});
afterAll(() => drop());

const wei = fc.oneof(
  fc.constant(0n),
  { arbitrary: fc.bigInt({ min: 1n, max: 1000n }), weight: 2 },
  { arbitrary: fc.bigInt({ min: 1n, max: 2n ** 200n }), weight: 2 },
);
// Weighted towards work that does accrue, so most runs fill their epochs.
const decided = fc.oneof(
  { arbitrary: fc.constantFrom<Decided>('first', 'second'), weight: 3 },
  { arbitrary: fc.constantFrom<Decided>('later', 'never'), weight: 1 },
);
const answer = fc.record({
  user: fc.nat(3),
  project: fc.nat(1),
  kind: fc.constantFrom('work', 'exam'),
  status: fc.oneof(
    { arbitrary: fc.constant('approved'), weight: 3 },
    { arbitrary: fc.constantFrom('pending', 'review', 'rejected'), weight: 2 },
  ),
  rewardWei: wei,
  decided,
});
const review = fc.record({
  answer: fc.nat(),
  reviewer: fc.nat(3),
  status: fc.oneof(
    { arbitrary: fc.constant('done'), weight: 2 },
    { arbitrary: fc.constantFrom('leased', 'expired'), weight: 1 },
  ),
  rewardWei: wei,
  decided,
});
/**
 * Each (project, token) escrow: more than all the work could cost (`ample`), exactly what its first `first`
 * accruals add up to (the edge of what fits), or any amount.
 */
const funding = fc.array(
  fc.oneof(
    fc.constant({ ample: true } as const),
    fc.record({ first: fc.nat(6) }),
    fc.record({ wei: fc.oneof(fc.bigInt({ min: 0n, max: 3000n }), fc.bigInt({ min: 0n, max: 2n ** 201n })) }),
  ),
  { minLength: 4, maxLength: 4 },
);
const world = fc.record({
  answers: fc.array(answer, { minLength: 1, maxLength: 25, size: 'max' }),
  reviews: fc.array(review, { maxLength: 10 }),
  partnerRewardWei: wei,
  funding,
});
type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

/** What an accrual is, as the rules say: approved work and done reviews with a reward, credited once per token. */
type Accrual = {
  source: string;
  token: Address;
  userId: string;
  projectId: string;
  amountWei: bigint;
  decidedAt: Date;
};

async function reset(w: World): Promise<void> {
  // Children first; a plain delete, since tables this test leaves alone refer to these.
  for (const table of [
    'epoch_leaves',
    'epochs',
    'accruals',
    'accrual_cursor',
    'reviews',
    'answers',
    'assignments',
    'items',
    'escrow_balances',
  ])
    await db.query(`delete from ${table}`);
  await db.query('update projects set partner_token = $2, partner_reward_per_item_wei = $3 where id = $1', [
    projectIds[1],
    PARTNER,
    w.partnerRewardWei.toString(),
  ]);
}

/** Inserts the answers and reviews; returns the accruals they should give. */
async function insertWork(w: World): Promise<Accrual[]> {
  const inserted = await db.query<{ id: string; n: string }>(
    `with input as (
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::timestamptz[])
         with ordinality as t(project_id, user_id, kind, status, reward_wei, decided_at, n)
     ), new_items as (
       insert into items (project_id, data) select project_id, jsonb_build_object('n', n) from input order by n
       returning id, (data->>'n')::bigint as n
     ), new_assignments as (
       insert into assignments (project_id, item_id, user_id, kind, status, leased_at, expires_at, exam_attempt)
       select i.project_id, ni.id, i.user_id, i.kind, 'submitted', $7, $7, case when i.kind = 'exam' then 1 end
       from input i join new_items ni using (n)
       returning id, item_id
     )
     insert into answers (project_id, item_id, assignment_id, user_id, kind, answer, reward_wei, created_at,
                          ledger_seq, status, decided_at)
     select i.project_id, ni.id, na.id, i.user_id, i.kind, '{}', i.reward_wei, $7, i.n, i.status, i.decided_at
     from input i join new_items ni using (n) join new_assignments na on na.item_id = ni.id
     returning id::text, ledger_seq::text as n`,
    [
      w.answers.map((a) => projectIds[a.project]),
      w.answers.map((a) => users[a.user]!.id),
      w.answers.map((a) => a.kind),
      w.answers.map((a) => a.status),
      w.answers.map((a) => a.rewardWei.toString()),
      w.answers.map((a) => DECIDED[a.decided]),
      new Date(T0 - 48 * HOUR),
    ],
  );
  const answerIds = new Map(inserted.rows.map((r) => [Number(r.n) - 1, r.id]));
  // One review per (answer, reviewer), as the table allows.
  const reviews = new Map(w.reviews.map((r) => [`${r.answer % w.answers.length}:${r.reviewer}`, r]));
  const reviewRows = [...reviews.values()];
  const reviewIds = await db.query<{ id: string; answer_id: string; reviewer_id: string }>(
    `insert into reviews (project_id, answer_id, reviewer_id, is_gold, status, leased_at, expires_at, reward_wei, decided_at)
     select a.project_id, a.id, r.reviewer_id, false, r.status, $5, $5, r.reward_wei, r.decided_at
     from unnest($1::bigint[], $2::uuid[], $3::text[], $4::numeric[], $6::timestamptz[])
       with ordinality as r(answer_id, reviewer_id, status, reward_wei, decided_at, n)
     join answers a on a.id = r.answer_id
     returning id::text, answer_id::text, reviewer_id::text`,
    [
      reviewRows.map((r) => answerIds.get(r.answer % w.answers.length)),
      reviewRows.map((r) => users[r.reviewer]!.id),
      reviewRows.map((r) => r.status),
      reviewRows.map((r) => r.rewardWei.toString()),
      new Date(T0 - 48 * HOUR),
      reviewRows.map((r) => DECIDED[r.decided]),
    ],
  );

  const expected: Accrual[] = [];
  w.answers.forEach((a, n) => {
    const decidedAt = DECIDED[a.decided];
    if (a.status !== 'approved' || !decidedAt) return;
    const base = {
      source: `answer:${answerIds.get(n)}`,
      userId: users[a.user]!.id,
      projectId: projectIds[a.project]!,
      decidedAt,
    };
    if (a.rewardWei > 0n) expected.push({ ...base, token: PLATFORM, amountWei: a.rewardWei });
    if (a.kind === 'work' && a.project === 1 && w.partnerRewardWei > 0n)
      expected.push({ ...base, token: PARTNER, amountWei: w.partnerRewardWei });
  });
  const reviewId = new Map(reviewIds.rows.map((r) => [`${r.answer_id}:${r.reviewer_id}`, r.id]));
  for (const r of reviewRows) {
    const decidedAt = DECIDED[r.decided];
    if (r.status !== 'done' || !decidedAt || r.rewardWei === 0n) continue;
    const answerId = answerIds.get(r.answer % w.answers.length)!;
    const answerProject = w.answers[r.answer % w.answers.length]!.project;
    expected.push({
      source: `review:${reviewId.get(`${answerId}:${users[r.reviewer]!.id}`)}`,
      token: PLATFORM,
      userId: users[r.reviewer]!.id,
      projectId: projectIds[answerProject]!,
      amountWei: r.rewardWei,
      decidedAt,
    });
  }
  return expected;
}

/** Funds each escrow as `w.funding` says; the accruals' order (first round first, then by source) sets `first`. */
async function fund(w: World, expected: Accrual[]): Promise<Map<string, bigint>> {
  const funded = new Map<string, bigint>();
  const order = (a: Accrual) => `${a.decidedAt <= ROUNDS[0]!.cutoff ? 0 : 1}${a.source}`;
  let k = 0;
  for (const projectId of projectIds)
    for (const token of [PLATFORM, PARTNER]) {
      const how = w.funding[k++]!;
      const amount =
        'ample' in how
          ? 2n ** 250n
          : 'wei' in how
            ? how.wei
            : expected
                .filter((a) => a.projectId === projectId && a.token === token)
                .sort((a, b) => (order(a) < order(b) ? -1 : 1))
                .slice(0, how.first)
                .reduce((sum, a) => sum + a.amountWei, 0n);
      funded.set(`${projectId}|${token}`, amount);
      await db.query('insert into escrow_balances (project_id, token, funded_wei) values ($1, $2, $3)', [
        projectId,
        token,
        amount.toString(),
      ]);
    }
  return funded;
}

/**
 * The epoch rule stated plainly: per escrow, open accruals oldest first (then by source) join while their running
 * sum stays within what the escrow has left. `open` lists them by the round that accrued them.
 */
function joinEpoch(
  open: Accrual[][],
  inEpochs: Accrual[],
  funded: Map<string, bigint>,
): { joined: Accrual[]; left: Accrual[][] } {
  const joined: Accrual[] = [];
  const left: Accrual[][] = open.map(() => []);
  const running = new Map<string, bigint>();
  const bySource = (a: Accrual, b: Accrual) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
  open.forEach((accrued, round) => {
    for (const a of [...accrued].sort(bySource)) {
      const escrow = `${a.projectId}|${a.token}`;
      const spent = inEpochs
        .filter((x) => `${x.projectId}|${x.token}` === escrow)
        .reduce((s, x) => s + x.amountWei, 0n);
      const sum = (running.get(escrow) ?? 0n) + a.amountWei;
      running.set(escrow, sum);
      (sum <= funded.get(escrow)! - spent ? joined : left[round]!).push(a);
    }
  });
  return { joined, left };
}

/** Per (account, token): the sum of the accruals, as sorted leaves. */
function totalsOf(accruals: Accrual[]): EpochLeaf[] {
  const sums = new Map<string, EpochLeaf>();
  for (const a of accruals) {
    const account = users.find((u) => u.id === a.userId)!.address;
    const key = `${account}|${a.token}`;
    const leaf = sums.get(key) ?? { account, token: a.token, cumulativeWei: 0n };
    leaf.cumulativeWei += a.amountWei;
    sums.set(key, leaf);
  }
  return sortLeaves([...sums.values()]);
}
const sortLeaves = (leaves: EpochLeaf[]) =>
  [...leaves].sort((a, b) => (a.account + a.token < b.account + b.token ? -1 : 1));

describe('settlementStore cumulative totals, over arbitrary work', () => {
  it('total each (account, token) as the sum of its approved accruals in the epochs so far, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await reset(w);
        const expected = await insertWork(w);
        const funded = await fund(w, expected);
        const inEpochs: Accrual[] = [];
        let open: Accrual[][] = [];
        const totalsAfter: EpochLeaf[][] = [];
        for (const round of ROUNDS) {
          await store.accrue({ cutoff: round.cutoff, platformToken: PLATFORM, now: round.now });
          const seen = new Set([...inEpochs, ...open.flat()]);
          open = [...open, expected.filter((a) => a.decidedAt <= round.cutoff && !seen.has(a))];
          const { joined, left } = joinEpoch(open, inEpochs, funded);
          const epoch = await store.openNext(round.epoch, round.now);
          expect(epoch === null).toBe(joined.length === 0);
          inEpochs.push(...joined);
          open = left;

          const leaves = await store.cumulativeTotals(round.epoch);
          expect(sortLeaves(leaves)).toEqual(totalsOf(inEpochs));
          expect(leaves.every((l) => l.cumulativeWei > 0n)).toBe(true);
          // The grand total per token is the sum of the approved accruals of that token.
          const perToken = new Map<string, bigint>();
          for (const a of inEpochs) perToken.set(a.token, (perToken.get(a.token) ?? 0n) + a.amountWei);
          expect(totalsByToken(leaves)).toEqual(
            Object.fromEntries([...perToken].map(([token, sum]) => [token, sum.toString()])),
          );
          // What the epoch releases from the escrows is what its accruals added.
          const released = (await store.releases(round.epoch)).reduce((s, r) => s + r.amountWei, 0n);
          expect(released).toBe(joined.reduce((s, a) => s + a.amountWei, 0n));
          totalsAfter.push(leaves);
        }
        // A later epoch leaves the totals of an earlier one as they were.
        expect(sortLeaves(await store.cumulativeTotals(1))).toEqual(sortLeaves(totalsAfter[0]!));
      }),
      { numRuns: 30 },
    );
  });
});
