// A simulated crowd run through the real pipeline: real PostgreSQL (embedded), the real use cases for leasing
// and answering, the real quality pass. Honest workers of varied skill, random clickers and a colluding ring
// label a binary task; we measure the accuracy of the final labels and the share of rewards spammers got.
// Run alone: node bin/run-ts.js bench/crowdPipeline.ts   (BENCH_CROWD_ITEMS, BENCH_CROWD_WORKERS, BENCH_SEED)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getAddress } from 'viem';
import { migrate } from '../src/db/migrate.ts';
import { createPool } from '../src/db/pool.ts';
import { wire } from '../src/main/wire.ts';
import { createProjectBody } from '../src/shared/api.ts';
import type { Actor } from '../src/usecases/ports.ts';
import { createProject } from '../src/usecases/projects/createProject.ts';
import { runQualityPass } from '../src/usecases/quality/runQualityPass.ts';
import { nextAssignment } from '../src/usecases/work/nextAssignment.ts';
import { submitAnswer } from '../src/usecases/work/submitAnswer.ts';
import { embeddedTarget } from './apiThroughput.ts';

type Kind = 'honest' | 'random' | 'colluder';
type Worker = { actor: Actor; kind: Kind; accuracy: number };

/** mulberry32: seeded, so a run is the same every time. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type CrowdPipelineResult = {
  items: number;
  workers: Record<Kind, number>;
  answers: Record<Kind, number>;
  approved: Record<Kind, number>;
  paidWei: Record<Kind, bigint>;
  finalLabels: number;
  /** Answers not approved, by kind of worker, status and the step that decided. */
  notApproved: Map<string, number>;
  /** Final labels by the answers behind them and their confidence: where the mistakes are. */
  byAnswers: Map<string, { items: number; right: number }>;
  correctLabels: number;
  flagged: Record<Kind, number>;
  passes: number;
  seconds: number;
};

export async function crowdPipeline(
  o: { items?: number; workers?: number; seed?: number; log?: (s: string) => void } = {},
): Promise<CrowdPipelineResult> {
  const nItems = o.items ?? 600;
  const nWorkers = o.workers ?? 100;
  const log = o.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const random = generator(o.seed ?? 7);
  const target = await embeddedTarget();
  const pool = createPool(target.url, 10);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-crowd-'));
  const started = Date.now();
  let now = Date.parse('2026-11-01T09:00:00Z');
  const clock = { now: () => new Date(now) };
  try {
    await migrate(pool);
    const deps = wire(pool, { dataDir, clock, qualityQueue: { touch: () => {} } });
    deps.random = random;
    const owner = await deps.accounts.upsertUser(address(random), 'crowd owner');
    const org = await deps.accounts.createOrg('Crowd org', owner.id);
    const ownerActor: Actor = { ...owner, orgs: [org], via: 'session', apiKeyOrgId: null };
    const project = await createProject(
      deps,
      ownerActor,
      createProjectBody.parse({
        orgId: org.id,
        name: 'Simulated crowd',
        modality: 'text',
        annotation: {
          method: 'single_choice',
          config: {
            choices: [
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ],
          },
        },
        overlap: 3,
        rewardPerItemWei: '1000',
        budgetWei: '100000000',
        dailyCap: 100_000,
        leaseSeconds: 600,
        quality: {
          review: { enabled: false },
          aggregation: { confidence: 0.95, minAnswers: 3, maxOverlap: 7 },
          gold: { minAccuracy: 0.7, minAnswers: 5 },
        },
        goldShare: 0.15,
      }),
    );
    const truth = Array.from({ length: nItems }, () => (random() < 0.5 ? 'yes' : 'no'));
    // One item in ten is gold: its answer is known, and it is mixed into everyone's work.
    await deps.projects.insertItems(
      project.id,
      truth.map((t, i) => ({
        externalId: `item-${i}`,
        data: { text: `statement ${i}` },
        gold: i % 10 === 0 ? { choice: t } : null,
      })),
    );
    const itemIndex = new Map(
      (
        await pool.query<{ id: string; ext: string }>(
          'select id::text, external_id as ext from items where project_id = $1',
          [project.id],
        )
      ).rows.map((r) => [r.id, Number(r.ext.slice(5))]),
    );

    const kinds: Kind[] = Array.from({ length: nWorkers }, (_, i) =>
      i < nWorkers * 0.2 ? 'random' : i < nWorkers * 0.25 ? 'colluder' : 'honest',
    );
    const workers: Worker[] = [];
    for (const [i, kind] of kinds.entries()) {
      const user = await deps.accounts.upsertUser(address(random), `${kind} ${i}`);
      workers.push({
        actor: { ...user, orgs: [], via: 'session', apiKeyOrgId: null },
        kind,
        accuracy: kind === 'honest' ? 0.65 + 0.3 * random() : 0.5,
      });
    }
    const colluders = workers.filter((w) => w.kind === 'colluder');
    const others = workers.filter((w) => w.kind !== 'colluder');

    /** The ring's shared answer to an item: decided once, right only by chance. */
    const ringAnswer = new Map<number, string>();
    const answerOf = (w: Worker, item: number): string => {
      if (w.kind === 'colluder') {
        if (!ringAnswer.has(item)) ringAnswer.set(item, random() < 0.5 ? 'yes' : 'no');
        return ringAnswer.get(item)!;
      }
      const right = random() < w.accuracy;
      return right ? truth[item]! : truth[item] === 'yes' ? 'no' : 'yes';
    };

    let passes = 0;
    let sincePass = 0;
    const pass = async () => {
      passes++;
      sincePass = 0;
      await runQualityPass(deps, project.id);
    };
    const work = async (w: Worker): Promise<boolean> => {
      const lease = await nextAssignment(deps, w.actor, { projectId: project.id }).catch(() => null);
      if (!lease) return false;
      now += 4000 + Math.floor(random() * 8000);
      await submitAnswer(deps, w.actor, {
        assignmentId: lease.id,
        answer: { choice: answerOf(w, itemIndex.get(lease.itemId)!) },
        durationMs: 6000,
      });
      if (++sincePass >= 100) await pass();
      return true;
    };

    // Rounds: everyone shuffled works once per round; the ring works together, one after another, so its
    // members land on the same items, as coordinated cheaters do.
    let active = true;
    let answered = 0;
    let logged = 0;
    while (active) {
      active = false;
      const order = [...others].sort(() => random() - 0.5);
      const ringAt = Math.floor(random() * order.length);
      const turn = async (w: Worker) => {
        if (!(await work(w))) return;
        active = true;
        answered++;
      };
      for (const [k, w] of order.entries()) {
        if (k === ringAt) for (const c of colluders) await turn(c);
        await turn(w);
      }
      if (Math.floor(answered / 1000) > logged) {
        logged = Math.floor(answered / 1000);
        log(`  ${answered} answers…`);
      }
      if (!active) {
        // Everything leased is answered; a pass may ask for more answers on unsure items.
        await pass();
        const open = await pool.query('select 1 from items where project_id = $1 and is_open limit 1', [
          project.id,
        ]);
        active = (open.rowCount ?? 0) > 0;
      }
    }
    await pass();

    const zero = () => ({ honest: 0, random: 0, colluder: 0 });
    const kindOf = new Map(workers.map((w) => [w.actor.id, w.kind]));
    const result: CrowdPipelineResult = {
      items: truth.filter((_, i) => i % 10 !== 0).length,
      workers: zero(),
      answers: zero(),
      approved: zero(),
      paidWei: { honest: 0n, random: 0n, colluder: 0n },
      finalLabels: 0,
      notApproved: new Map(),
      byAnswers: new Map(),
      correctLabels: 0,
      flagged: zero(),
      passes,
      seconds: (Date.now() - started) / 1000,
    };
    for (const w of workers) result.workers[w.kind]++;
    const answers = await pool.query<{ userId: string; status: string; reward: string; by: string | null }>(
      `select user_id as "userId", status, reward_wei::text as reward, decided_by as by from answers
       where project_id = $1`,
      [project.id],
    );
    for (const a of answers.rows) {
      const kind = kindOf.get(a.userId)!;
      result.answers[kind]++;
      if (a.status !== 'approved') {
        const key = `${kind}: ${a.status}${a.by ? ` by ${a.by}` : ''}`;
        result.notApproved.set(key, (result.notApproved.get(key) ?? 0) + 1);
      }
      if (a.status === 'approved') {
        result.approved[kind]++;
        result.paidWei[kind] += BigInt(a.reward);
      }
    }
    const labels = await pool.query<{ id: string; label: { choice: string }; confidence: number; n: number }>(
      'select item_id::text as id, label, confidence, answer_count as n from item_labels where project_id = $1 and is_final',
      [project.id],
    );
    for (const l of labels.rows) {
      result.finalLabels++;
      const right = l.label.choice === truth[itemIndex.get(l.id)!];
      if (right) result.correctLabels++;
      const key = `${l.n} answers, confidence ${l.confidence >= 0.95 ? '≥ 0.95' : '< 0.95'}`;
      const b = result.byAnswers.get(key) ?? { items: 0, right: 0 };
      b.items++;
      if (right) b.right++;
      result.byAnswers.set(key, b);
    }
    const flags = await pool.query<{ userId: string; kinds: string[] }>(
      `select user_id as "userId", array_agg(kind order by kind) as kinds from sybil_flags
       where project_id = $1 and status <> 'cleared' group by user_id`,
      [project.id],
    );
    for (const f of flags.rows) {
      const kind = kindOf.get(f.userId)!;
      result.flagged[kind]++;
      for (const k of f.kinds) {
        const key = `${kind}: flagged ${k}`;
        result.notApproved.set(key, (result.notApproved.get(key) ?? 0) + 1);
      }
    }
    return result;
  } finally {
    await pool.end();
    await target.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

function address(random: () => number): `0x${string}` {
  let hex = '';
  for (let i = 0; i < 40; i++) hex += Math.floor(random() * 16).toString(16);
  return getAddress(`0x${hex}`);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatCrowdPipeline(r: CrowdPipelineResult): string {
  const paid = r.paidWei.honest + r.paidWei.random + r.paidWei.colluder;
  const spamPaid = r.paidWei.random + r.paidWei.colluder;
  const share = (x: bigint) => (paid === 0n ? 0 : Number((x * 1_000_000n) / paid) / 1_000_000);
  const accuracy = r.finalLabels ? r.correctLabels / r.finalLabels : 0;
  const spamShare = share(spamPaid);
  const rows = (['honest', 'random', 'colluder'] as const).map(
    (k) =>
      `| ${k} | ${r.workers[k]} | ${r.answers[k]} | ${r.approved[k]} | ${r.flagged[k]} | ${pct(share(r.paidWei[k]))} |`,
  );
  return [
    `${r.items} work items (and one gold item in ten), ${r.workers.honest + r.workers.random + r.workers.colluder} workers, ${r.passes} quality passes, ${r.seconds.toFixed(1)} s`,
    '',
    '| workers | count | answers | approved | flagged | share of rewards |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    '| answers not approved | count |',
    '|---|---|',
    ...[...r.notApproved.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `| ${k} | ${n} |`),
    '',
    '| final labels on | items | accuracy |',
    '|---|---|---|',
    ...[...r.byAnswers.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([k, b]) => `| ${k} | ${b.items} | ${pct(b.right / b.items)} |`),
    '',
    '| measure | result | goal | ratio to goal | met |',
    '|---|---|---|---|---|',
    `| accuracy of final labels (${r.correctLabels}/${r.finalLabels}; ${pct(r.finalLabels / r.items)} of work items final) | ${pct(accuracy)} | ≥ 97% | ${(accuracy / 0.97).toFixed(3)} | ${accuracy >= 0.97 ? 'yes' : 'NO'} |`,
    `| share of rewards paid to spammers | ${pct(spamShare)} | ≤ 2% | ${(spamShare / 0.02).toFixed(3)} | ${spamShare <= 0.02 ? 'yes' : 'NO'} |`,
  ].join('\n');
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const r = await crowdPipeline({
    items: Number(process.env.BENCH_CROWD_ITEMS ?? 600),
    workers: Number(process.env.BENCH_CROWD_WORKERS ?? 100),
    seed: Number(process.env.BENCH_SEED ?? 7),
  });
  console.log(formatCrowdPipeline(r));
}
