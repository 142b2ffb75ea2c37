import { keccak256, stringToHex } from 'viem';
import { utcDayStart } from '../domain/tasks/utcDayStart.ts';
import type { HttpDeps } from '../http/context.ts';
import { type AssetTerms, type CreateProjectInput, createProjectBody } from '../shared/api.ts';
import type { ProjectId } from '../shared/brand.ts';
import { devAccountKey } from '../usecases/auth/devSignIn.ts';
import { publishDataset } from '../usecases/datasets/publishDataset.ts';
import { purchaseCalls } from '../usecases/market/purchaseCalls.ts';
import { registerAsset } from '../usecases/market/registerAsset.ts';
import { registerDataset } from '../usecases/market/registerDataset.ts';
import type { Actor, AssetRow, ProjectRow } from '../usecases/ports.ts';
import { createProject } from '../usecases/projects/createProject.ts';
import { importItems } from '../usecases/projects/importItems.ts';
import { settleProject } from '../usecases/quality/settleProject.ts';
import { sendFromDevWallet } from '../usecases/settlement/sendFromDevWallet.ts';
import { nextAssignment } from '../usecases/work/nextAssignment.ts';
import { releaseAssignment } from '../usecases/work/skipAssignment.ts';
import { submitAnswer } from '../usecases/work/submitAnswer.ts';

const CRV = 10n ** 18n;
const DAY_SECONDS = 86_400;
const PROJECT = 'Sum up a product review';
const MODEL = 'Review summarizer';
const AGENT = 'Support inbox digest agent';

/** Customer reviews the demo crowd already summed up, each with its summary: the rows of the published dataset. */
const SUMMARIZED: readonly (readonly [string, string])[] = [
  [
    'Bought these headphones for my commute. The noise cancelling is great on the train but the ear cushions get hot after an hour and the case feels cheap.',
    'Good noise cancelling, but warm cushions and a flimsy case.',
  ],
  [
    'The blender is loud, really loud, but it crushes ice in seconds and the jug is easy to clean. Would buy again.',
    'Loud, but powerful and easy to clean: would buy again.',
  ],
  [
    'Arrived two weeks late and the box was crushed. The lamp itself works fine and the light is warm and pleasant.',
    'Late, damaged delivery; the lamp itself works well.',
  ],
  [
    'These running shoes fit half a size small. Once I exchanged them they were comfortable for long runs, no blisters.',
    'Runs half a size small; comfortable on long runs once exchanged.',
  ],
  [
    'The kettle stopped switching off by itself after a month. Customer service replaced it quickly, but that is a safety issue.',
    'Auto switch-off failed within a month; replaced quickly by support.',
  ],
  [
    'Great value backpack. Lots of pockets, the laptop sleeve is padded, and after a year of daily use the zips still work.',
    'Well-made, roomy backpack that holds up after a year of daily use.',
  ],
  [
    'The phone case looks nice in the photos but the colour is much darker in person and it already has scratches.',
    'Darker than pictured and scratches easily.',
  ],
  [
    'Easy to assemble desk, took about twenty minutes. It wobbles a little at full height but is fine for working seated.',
    'Quick to assemble; slight wobble at full height.',
  ],
];

/** Reviews left open after the crowd's, for anyone who signs in to contribute. */
const OPEN_REVIEWS = [
  'The coffee grinder is consistent on fine settings but jams on the coarsest one, and it is hard to clean the chute.',
  'Soft, warm blanket, though it sheds a lot in the first few washes. After that it is perfect for the sofa.',
];

/** Who summed up how many, in turn: alice and bob can sign in and see their shares and earnings. */
const CROWD: readonly { account: string; name: string | null; answers: number }[] = [
  { account: 'alice', name: null, answers: 4 },
  { account: 'bob', name: null, answers: 2 },
  { account: 'crowd-1', name: 'Demo crowd 1', answers: 1 },
  { account: 'crowd-2', name: 'Demo crowd 2', answers: 1 },
];

/**
 * The marketplace around a community dataset: on a fresh seed, a community project whose demo crowd sums up
 * reviews (approved by the quality pass) is published as a dataset; then the dataset is registered with its shares
 * committed, the requester's wallet registers a model trained on it and an agent fine-tuned from the model, and bob
 * buys a license to the model, so royalties reach the co-owners. Every step after publishing looks for what an
 * earlier, interrupted start did, so a later start (`fresh` false) finishes the seed; before publishing, a stopped
 * seed is left as it is, like the rest of the demo.
 */
export async function seedMarketDemo(deps: HttpDeps, requester: Actor, o: { fresh: boolean }): Promise<void> {
  const projects = await deps.projects.listProjects(requester.orgs.map((org) => org.id));
  let project = projects.find((p) => p.name === PROJECT && p.taskType === 'community');
  if (!project && !o.fresh) return;
  project ??= await createProject(deps, requester, createProjectBody.parse(COMMUNITY_PROJECT));
  let dataset = await deps.datasets.byProject(project.id as ProjectId);
  if (!dataset) {
    if (!o.fresh) return;
    await answerAsCrowd(deps, requester, project);
    dataset = await publishDataset(deps, requester, { projectId: project.id });
  }
  if (!deps.chain) return;
  const token = deps.chain.contracts.token;

  const datasetAsset = await registerDataset(deps, requester, {
    datasetId: dataset.id,
    tags: ['e-commerce', 'summaries', 'community'],
    parents: [],
    terms: terms(token, {
      priceWei: 10n * CRV,
      durationSeconds: 0,
      parentShareBps: 0,
      derivativesAllowed: true,
    }),
  });
  const model = await registeredByRequester(deps, requester, MODEL, () => ({
    kind: 'model',
    name: MODEL,
    description:
      'A small sequence-to-sequence model that sums up a customer review in one line. Trained on the ' +
      'community’s review summaries.',
    modality: 'text',
    tags: ['e-commerce', 'summarization'],
    contentHash: keccak256(stringToHex('caravan demo: review summarizer weights v1')),
    terms: terms(token, {
      priceWei: 20n * CRV,
      durationSeconds: 365 * DAY_SECONDS,
      parentShareBps: 3000,
      derivativesAllowed: true,
    }),
    parents: [{ assetId: datasetAsset.id, relation: 'trained_on' }],
  }));
  await registeredByRequester(deps, requester, AGENT, () => ({
    kind: 'agent',
    name: AGENT,
    description:
      'Reads a shop’s new reviews every morning and sends the support team a digest, one line each.',
    modality: 'text',
    tags: ['e-commerce', 'agent'],
    contentHash: keccak256(stringToHex('caravan demo: support inbox digest agent v1')),
    terms: terms(token, {
      priceWei: 5n * CRV,
      durationSeconds: 30 * DAY_SECONDS,
      parentShareBps: 2000,
      derivativesAllowed: false,
    }),
    parents: [{ assetId: model.id, relation: 'fine_tuned_from' }],
  }));

  const bob = await crowdActor(deps, 'bob', null);
  const bought = (await deps.market.licensesOf(bob.address)).some((l) => l.asset?.id === model.id);
  if (!bought) await sendAsDemoWallet(deps, bob, await purchaseCalls(deps, bob, model.id));
}

/** A community project: no reward per answer; its contributors co-own the dataset instead. */
const COMMUNITY_PROJECT: CreateProjectInput = {
  name: PROJECT,
  description:
    'Sum up what a customer review says in one line. A community project: contributors co-own the dataset.',
  modality: 'text',
  annotation: { method: 'free_text', config: { minLength: 10, maxLength: 120 } },
  instructions: 'One line, at most 120 characters: the reviewer’s verdict and the reasons they give.',
  overlap: 1,
  taskType: 'community',
  rewardPerItemWei: '0',
  budgetWei: '0',
  languages: ['en'],
  domains: ['e-commerce'],
};

/**
 * Each crowd member leases and sums up their quota of reviews, on a clock that gives each answer half a minute; a
 * lease of anything but a crowd review goes back untouched. Then the quality pass runs, as it would a moment later,
 * and approves the collected texts; the open reviews are imported after the crowd's, so they wait for people.
 */
async function answerAsCrowd(deps: HttpDeps, requester: Actor, project: ProjectRow) {
  const summaries = new Map(SUMMARIZED);
  const jsonl = (texts: readonly string[], prefix: string) =>
    texts.map((text, i) => JSON.stringify({ id: `${prefix}-${i + 1}`, text })).join('\n');
  const reviews = SUMMARIZED.map(([review]) => review);
  await importItems(deps, requester, {
    projectId: project.id,
    format: 'jsonl',
    text: jsonl(reviews, 'review'),
  });
  // Yesterday noon (UTC), whatever the time now: working today would count as today's check-in for alice.
  let now = utcDayStart(deps.clock.now()).getTime() - 12 * 3600_000;
  const crowd = { ...deps, clock: { now: () => new Date(now) } };
  for (const member of CROWD) {
    const actor = await crowdActor(deps, member.account, member.name);
    for (let k = 0; k < member.answers; k++) {
      const lease = await nextAssignment(crowd, actor, { projectId: project.id });
      if (!lease) break;
      const summary = summaries.get(String(lease.data.text));
      if (summary === undefined) {
        await releaseAssignment(crowd, actor, { assignmentId: lease.id });
        break;
      }
      now += 30_000 + ((k * 7_919) % 20_000);
      await submitAnswer(crowd, actor, {
        assignmentId: lease.id,
        answer: { text: summary },
        durationMs: 30_000,
      });
    }
  }
  await settleProject(crowd, project.id);
  const open = jsonl(OPEN_REVIEWS, 'open-review');
  await importItems(deps, requester, { projectId: project.id, format: 'jsonl', text: open });
}

/**
 * The requester's registered model or agent of that name, or a new one registered from their development wallet;
 * the chain sync that follows the send mirrors the registration.
 */
async function registeredByRequester(
  deps: HttpDeps,
  requester: Actor,
  name: string,
  input: () => Parameters<typeof registerAsset>[2],
): Promise<AssetRow> {
  const owned = await deps.market.ownedBy(requester.address);
  const found = owned.find((a) => a.name === name);
  if (found) return found;
  const draft = await registerAsset(deps, requester, input());
  await sendAsDemoWallet(deps, requester, draft.calls);
  const asset = await deps.market.get(draft.asset.id);
  if (asset?.status !== 'registered')
    throw new Error(`demo market: "${name}" was sent but is not registered`);
  return asset;
}

/**
 * Sends calls from a demo account's wallet through the sender behind /api/wallet/dev/send. The seed acts as the
 * demo accounts whether or not people may sign in as them, as the demo funding does.
 */
async function sendAsDemoWallet(
  deps: HttpDeps,
  actor: Actor,
  calls: { to: `0x${string}`; data: `0x${string}` }[],
) {
  const sent = await sendFromDevWallet(
    { ...deps, settings: { ...deps.settings, devWallets: true } },
    actor,
    calls,
  );
  const failed = sent.find((t) => t.status !== 'success');
  if (failed || sent.length !== calls.length)
    throw new Error(`demo market: a wallet call reverted (${failed?.hash ?? 'not sent'})`);
}

async function crowdActor(deps: HttpDeps, account: string, name: string | null): Promise<Actor> {
  const user = await deps.accounts.upsertUser(devAccountKey(account).address, name);
  return { ...user, orgs: await deps.accounts.memberships(user.id), via: 'session', apiKeyOrgId: null };
}

function terms(
  currency: string,
  t: Pick<AssetTerms, 'durationSeconds' | 'parentShareBps' | 'derivativesAllowed'> & { priceWei: bigint },
): AssetTerms {
  return {
    commercialUse: true,
    attributionRequired: true,
    derivativesAllowed: t.derivativesAllowed,
    parentShareBps: t.parentShareBps,
    durationSeconds: t.durationSeconds,
    priceWei: t.priceWei.toString(),
    currency,
  };
}
