import type { HttpDeps } from '../http/context.ts';
import type { CreateProjectInput } from '../shared/api.ts';
import { createProjectBody } from '../shared/api.ts';
import { devAccountKey, devAccountKeyHex } from '../usecases/auth/devSignIn.ts';
import type { Actor } from '../usecases/ports.ts';
import { createProject } from '../usecases/projects/createProject.ts';
import { importItems } from '../usecases/projects/importItems.ts';
import { settleProject } from '../usecases/quality/settleProject.ts';
import { syncChain } from '../usecases/settlement/syncChain.ts';
import { nextAssignment } from '../usecases/work/nextAssignment.ts';
import { submitAnswer } from '../usecases/work/submitAnswer.ts';
import { seedMarketDemo } from './seedMarketDemo.ts';

const CRV = 10n ** 18n;

/**
 * Seeds the demo organization, a project per annotation method and a marketplace around a community dataset, once.
 * Returns whether it seeded.
 */
export async function seedDemo(deps: HttpDeps): Promise<boolean> {
  const user = await deps.accounts.upsertUser(devAccountKey('requester').address, 'Demo requester');
  let orgs = await deps.accounts.memberships(user.id);
  if (!orgs.some((o) => o.name === 'Demo Labs')) {
    await deps.accounts.createOrg('Demo Labs', user.id);
    orgs = await deps.accounts.memberships(user.id);
  }
  const actor: Actor = { ...user, orgs, via: 'session', apiKeyOrgId: null };
  if ((await deps.projects.listProjects(orgs.map((o) => o.id))).length) {
    // A start that stopped after publishing the community dataset finishes its marketplace; nothing else resumes.
    // Only a try: a local chain killed with the process can have lost its last second (anvil saves its state each
    // second) while the database kept the registrations it mirrored, and no seed can redo those.
    await seedMarketDemo(deps, actor, { fresh: false }).catch((err: unknown) =>
      deps.log.warn(
        { reason: (err as Error).message.split('\n')[0] },
        'the demo marketplace could not be finished; the rest of the demo is there',
      ),
    );
    return false;
  }

  for (const demo of await demoProjects(deps)) {
    const project = await createProject(deps, actor, createProjectBody.parse(demo.project));
    const text = demo.items.map((i) => JSON.stringify(i)).join('\n');
    await importItems(deps, actor, { projectId: project.id, format: 'jsonl', text });
    await fundAsRequester(deps, project.id, BigInt(project.budgetWei));
    if (project.partnerToken) await fundAsRequester(deps, project.id, 500n * CRV, project.partnerToken);
  }
  await seedLabelledProject(deps, actor);
  await seedMarketDemo(deps, actor, { fresh: true });
  return true;
}

const QUESTIONS: readonly (readonly [string, 'yes' | 'no'])[] = [
  ['How do I reset my password?', 'yes'],
  ['The parcel arrived this morning.', 'no'],
  ['Is the museum open on Mondays', 'yes'],
  ['I wonder whether it will rain.', 'no'],
  ['Could you send the invoice again?', 'yes'],
  ['Thanks, that fixed it!', 'no'],
  ['Why is my order late?', 'yes'],
  ['Please call me back tomorrow.', 'no'],
  ['What time does the train leave', 'yes'],
  ['The meeting moved to Friday.', 'no'],
  ['Can I pay by bank transfer?', 'yes'],
  ['Nobody knows why it broke.', 'no'],
  ['Who won the match last night?', 'yes'],
  ['Ask her if she is coming.', 'no'],
  ['Where do I find my receipts?', 'yes'],
  ['I asked twice already.', 'no'],
  ['Do you ship to Canada?', 'yes'],
  ['Great service, as always.', 'no'],
  ['Which plan includes support?', 'yes'],
  ['The app crashes when I log in.', 'no'],
];

/**
 * A project a small crowd has already labelled, so the quality tab, profiles and the leaderboard have something
 * to show on a fresh start. Six demo contributors answer through the real use cases with their own accuracy,
 * on a clock that gives each answer a few seconds, and the quality pass runs as it would a moment later.
 */
async function seedLabelledProject(deps: HttpDeps, requester: Actor) {
  const project = await createProject(
    deps,
    requester,
    createProjectBody.parse({
      name: 'Is it a question?',
      description: 'Say whether a customer message asks something. Already labelled by a demo crowd.',
      modality: 'text',
      annotation: {
        method: 'single_choice',
        config: {
          choices: [
            { value: 'yes', label: 'A question', hotkey: '1' },
            { value: 'no', label: 'Not a question', hotkey: '2' },
          ],
        },
      },
      instructions: 'A question asks for an answer, with or without a question mark.',
      overlap: 3,
      rewardPerItemWei: (CRV / 10n).toString(),
      budgetWei: (100n * CRV).toString(),
      domains: ['support'],
      quality: { review: { enabled: false }, aggregation: { confidence: 0.9 } },
    }),
  );
  const text = QUESTIONS.map(([q], i) => JSON.stringify({ id: `message-${i + 1}`, text: q })).join('\n');
  await importItems(deps, requester, { projectId: project.id, format: 'jsonl', text });
  await fundAsRequester(deps, project.id, BigInt(project.budgetWei));
  const truth = new Map(QUESTIONS.map(([q, a]) => [q, a]));

  let now = deps.clock.now().getTime() - 2 * 3600_000;
  const crowd = { ...deps, clock: { now: () => new Date(now) } };
  let seed = 42;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const accuracies = [0.97, 0.93, 0.9, 0.86, 0.82, 0.78];
  const workers: { actor: Actor; accuracy: number }[] = [];
  for (const [k, accuracy] of accuracies.entries()) {
    const user = await deps.accounts.upsertUser(
      devAccountKey(`crowd-${k + 1}`).address,
      `Demo crowd ${k + 1}`,
    );
    workers.push({ actor: { ...user, orgs: [], via: 'session', apiKeyOrgId: null }, accuracy });
  }
  // Turns, one item each, until nobody gets one; then the pass, which may ask unsure items for more answers.
  for (let pass = 0; pass < 3; pass++) {
    for (let answered = true; answered; ) {
      answered = false;
      for (const { actor, accuracy } of workers) {
        const lease = await nextAssignment(crowd, actor, { projectId: project.id });
        if (!lease) continue;
        now += 4000 + Math.floor(random() * 6000);
        const right = truth.get(String(lease.data.text))!;
        const choice = random() < accuracy ? right : right === 'yes' ? 'no' : 'yes';
        await submitAnswer(crowd, actor, { assignmentId: lease.id, answer: { choice }, durationMs: 5000 });
        answered = true;
      }
    }
    await settleProject(crowd, project.id);
  }
}

/** The demo requester funds a project's escrow from its development wallet, as it would from the web app. */
async function fundAsRequester(deps: HttpDeps, projectId: string, amountWei: bigint, token?: string) {
  const chain = deps.chain;
  if (!chain || amountWei === 0n) return;
  const key = devAccountKeyHex('requester');
  const deadline = new Date(deps.clock.now().getTime() + 365 * 86_400_000);
  const asset = (token ?? chain.contracts.token) as `0x${string}`;
  for (const call of [
    chain.encode.approve(asset, chain.contracts.escrow, amountWei),
    chain.encode.fund(projectId, asset, amountWei, deadline),
  ]) {
    const sent = await chain.sendAs(key, call);
    if (sent.status !== 'success') throw new Error(`demo funding: ${call.label} reverted (${sent.hash})`);
  }
  await syncChain({ chain, settlement: deps.settlement });
}

type Demo = { project: CreateProjectInput; items: Record<string, unknown>[] };

async function demoProjects(deps: HttpDeps): Promise<Demo[]> {
  const reviews = [
    ['An absolute joy from start to finish; the cast is wonderful.', 'positive'],
    ['Two hours of my life I will never get back.', 'negative'],
    ['It was fine. Nothing special, nothing terrible.', 'neutral'],
    ['The soundtrack alone is worth the ticket.', 'positive'],
    ['Wooden acting and a plot full of holes.', 'negative'],
    ['I laughed, I cried, I would watch it again tomorrow.', 'positive'],
    ['The first half drags but the ending lands.', 'neutral'],
    ['Beautifully shot, but I felt nothing for the characters.', 'negative'],
    ['A clever script that trusts its audience.', 'positive'],
    ['Forgettable, though the kids seemed to enjoy it.', 'neutral'],
    ['Easily the worst sequel of the decade.', 'negative'],
    ['Sharp, funny and surprisingly moving.', 'positive'],
  ] as const;
  const sentimentItems = [
    ...reviews.map(([text], i) => ({ id: `review-${i + 1}`, text })),
    ...reviews
      .slice(0, 6)
      .map(([text, label], i) => ({ id: `gold-${i + 1}`, text, gold: { choice: label } })),
  ];

  const headlines = [
    'Ada Lovelace Institute opens new office in Nairobi',
    'Maria Santos joins OpenHarbor as chief scientist',
    'Flooding closes roads across Bavaria as Munich braces for more rain',
    'Kenji Watanabe wins the Tokyo marathon for a second time',
    'UNESCO adds three sites in Peru to its heritage list',
    'Lagos startup Paystack hires former Google engineer Amina Bello',
  ];

  const shapes = await Promise.all(
    Array.from({ length: 8 }, (_, i) => i).map(async (i) => {
      const svg = shapesSvg(i);
      const { sha256 } = await deps.blobs.put(new TextEncoder().encode(svg), 'image/svg+xml');
      return { id: `shapes-${i + 1}`, image: `blob:${sha256}` };
    }),
  );
  const signs = [
    'OPEN 24 HOURS',
    'NO PARKING',
    'EXIT ONLY',
    'FRESH BREAD DAILY',
    'PLATFORM 9',
    'MIND THE GAP',
  ];
  const signItems = await Promise.all(
    signs.map(async (text, i) => {
      const { sha256 } = await deps.blobs.put(new TextEncoder().encode(signSvg(text, i)), 'image/svg+xml');
      return { id: `sign-${i + 1}`, image: `blob:${sha256}` };
    }),
  );

  const base = {
    rewardPerItemWei: (CRV / 2n).toString(),
    budgetWei: (1000n * CRV).toString(),
    languages: ['en'],
  };
  return [
    {
      project: {
        ...base,
        name: 'Movie review sentiment',
        description:
          'Read a one-line movie review and say how the reviewer felt. Pays in CRV and the partner’s DPT.',
        ...(deps.chain?.contracts.partnerToken
          ? {
              taskType: 'dual_reward' as const,
              partnerToken: deps.chain.contracts.partnerToken,
              partnerRewardPerItemWei: (CRV / 4n).toString(),
            }
          : {}),
        modality: 'text',
        annotation: {
          method: 'single_choice',
          config: {
            choices: [
              { value: 'positive', label: 'Positive', hotkey: '1' },
              { value: 'neutral', label: 'Neutral', hotkey: '2' },
              { value: 'negative', label: 'Negative', hotkey: '3' },
            ],
          },
        },
        instructions:
          'Pick the feeling the review expresses overall. Mixed reviews that land on neither side are Neutral.',
        overlap: 3,
        domains: ['movies'],
        exam: { enabled: false, questionCount: 3, passRate: 0.67, maxAttempts: 2 },
      },
      items: sentimentItems,
    },
    {
      project: {
        ...base,
        name: 'Names in news headlines',
        description: 'Mark people, organizations and places in headlines.',
        modality: 'text',
        annotation: {
          method: 'span',
          config: {
            labels: [
              { value: 'PER', label: 'Person' },
              { value: 'ORG', label: 'Organization' },
              { value: 'LOC', label: 'Location' },
            ],
          },
        },
        instructions:
          'Select each name with the mouse, then press 1 (person), 2 (organization) or 3 (location).',
        overlap: 2,
        requiredLevel: 1,
        rewardPerItemWei: (CRV * 2n).toString(),
        domains: ['news'],
      },
      items: headlines.map((text, i) => ({ id: `headline-${i + 1}`, text })),
    },
    {
      project: {
        ...base,
        name: 'Box the shapes',
        description: 'Draw a box around every circle and square.',
        modality: 'image',
        annotation: {
          method: 'bbox',
          config: {
            labels: [
              { value: 'circle', label: 'Circle' },
              { value: 'square', label: 'Square' },
            ],
            minBoxes: 1,
          },
        },
        instructions:
          'Drag to draw a tight box around each shape. Press 1 for circle, 2 for square before drawing.',
        overlap: 2,
        rewardPerItemWei: (CRV * 3n).toString(),
        domains: ['vision'],
      },
      items: shapes,
    },
    {
      project: {
        ...base,
        name: 'Outline the shapes',
        description: 'Trace the outline of every circle and square with a polygon.',
        modality: 'image',
        annotation: {
          method: 'polygon',
          config: {
            labels: [
              { value: 'circle', label: 'Circle' },
              { value: 'square', label: 'Square' },
            ],
            minPolygons: 1,
          },
        },
        instructions:
          'Press 1 for circle or 2 for square, then click around the shape’s edge. Click the first point or ' +
          'press Enter to close the outline; a circle needs eight points or more to follow its curve.',
        overlap: 2,
        rewardPerItemWei: (CRV * 4n).toString(),
        domains: ['vision'],
      },
      // The same pictures as the box project, so the two methods can be compared on one image.
      items: shapes.map((item) => ({ ...item, id: item.id.replace('shapes-', 'outline-') })),
    },
    {
      project: {
        ...base,
        name: 'Read the sign',
        description: 'Type the text on a street sign exactly.',
        modality: 'image',
        annotation: { method: 'transcription', config: { minLength: 2 } },
        instructions: 'Type the text exactly as shown, in capitals.',
        overlap: 2,
        domains: ['ocr'],
      },
      items: signItems,
    },
    {
      project: {
        ...base,
        name: 'Which answer helps more?',
        description: 'Compare two assistant answers to the same question.',
        modality: 'text',
        annotation: {
          method: 'pairwise',
          config: { allowTie: true, criteria: 'Helpful, correct and honest' },
        },
        instructions: 'Press A or B for the better answer, T if they are equally good.',
        overlap: 3,
        rewardPerItemWei: CRV.toString(),
        domains: ['llm'],
      },
      items: [
        {
          prompt: 'How do I boil an egg?',
          a: 'Place it in boiling water for 7–9 minutes, then cool it in cold water.',
          b: 'Eggs are a good source of protein.',
        },
        { prompt: 'What is the capital of Australia?', a: 'Sydney.', b: 'Canberra.' },
        {
          prompt: 'Explain recursion in one sentence.',
          a: 'Recursion is when a function solves a problem by calling itself on smaller parts of it.',
          b: 'See recursion.',
        },
        {
          prompt: 'Is it safe to look at the sun?',
          a: 'Yes, briefly.',
          b: 'No: looking directly at the sun can damage your eyes, even briefly.',
        },
      ].map((item, i) => ({ id: `pair-${i + 1}`, ...item })),
    },
    {
      project: {
        ...base,
        name: 'Rate the summaries',
        description: 'Rate how faithful a one-line summary is to its article.',
        modality: 'text',
        annotation: {
          method: 'rating',
          config: { min: 1, max: 5, minLabel: 'Unfaithful', maxLabel: 'Faithful' },
        },
        instructions: 'Five means every claim in the summary is supported by the text.',
        overlap: 3,
        domains: ['summarization'],
      },
      items: [
        {
          text: 'Article: The council approved the new bike lanes on Tuesday after a two-hour debate.\nSummary: Bike lanes approved after debate.',
        },
        {
          text: 'Article: Rainfall this spring was 30% below average, the weather service said.\nSummary: Spring was wetter than usual.',
        },
        {
          text: 'Article: The museum will reopen in March with a new wing for modern art.\nSummary: Museum reopens in March, adds modern art wing.',
        },
      ].map((item, i) => ({ id: `summary-${i + 1}`, ...item })),
    },
    {
      project: {
        ...base,
        name: 'Tag support tickets',
        description: 'Tag each customer message with every topic it mentions. Qualification exam first.',
        modality: 'text',
        annotation: {
          method: 'multi_choice',
          config: {
            choices: [
              { value: 'billing', label: 'Billing' },
              { value: 'shipping', label: 'Shipping' },
              { value: 'bug', label: 'Bug report' },
              { value: 'account', label: 'Account' },
            ],
            minSelected: 1,
          },
        },
        instructions: 'Select all topics that apply.',
        overlap: 2,
        requiredLevel: 2,
        rewardPerItemWei: CRV.toString(),
        exam: { enabled: true, questionCount: 3, passRate: 0.66, maxAttempts: 2 },
        domains: ['support'],
      },
      items: [
        {
          text: 'I was charged twice for my order and it still has not arrived.',
          gold: { choices: ['billing', 'shipping'] },
        },
        { text: 'The app crashes when I open settings.', gold: { choices: ['bug'] } },
        { text: 'How do I change the email on my account?', gold: { choices: ['account'] } },
        { text: 'My package says delivered but I never got it.', gold: { choices: ['shipping'] } },
        { text: 'Please refund the extra charge on my card.' },
        { text: 'I cannot log in after the last update; the page just spins.' },
        { text: 'Can I ship to a different address than my billing address?' },
        { text: 'The invoice total does not match my cart.' },
      ].map((item, i) => ({ id: `ticket-${i + 1}`, ...item })),
    },
    {
      project: {
        ...base,
        name: 'Write a better product title',
        description: 'Rewrite a messy product title so shoppers understand it.',
        modality: 'text',
        annotation: { method: 'free_text', config: { minLength: 10, maxLength: 120 } },
        instructions: 'Keep the brand and the key attributes; drop shouting and keyword stuffing.',
        overlap: 1,
        taskType: 'community',
        rewardPerItemWei: '0',
        domains: ['e-commerce'],
      },
      items: [
        { text: 'BEST!!! wireless earbuds bluetooth 5.3 earphones headphones NEW 2026 black' },
        { text: 'kids rain boots boots for kids waterproof boots size 10 yellow cute' },
        { text: 'Stainless Steel Water Bottle 1L 1 Liter Bottle Insulated Hot Cold BPA FREE' },
      ],
    },
  ];
}

/** A simple picture of circles and squares, different for each seed. */
function shapesSvg(seed: number): string {
  let s = seed * 7919 + 17;
  const rand = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
  const parts: string[] = [];
  const count = 2 + (seed % 3);
  for (let k = 0; k < count; k++) {
    const size = 60 + rand() * 60;
    const x = 20 + rand() * (560 - size);
    const y = 20 + rand() * (360 - size);
    const hue = Math.round(rand() * 360);
    parts.push(
      k % 2 === 0
        ? `<circle cx="${(x + size / 2).toFixed(0)}" cy="${(y + size / 2).toFixed(0)}" r="${(size / 2).toFixed(0)}" fill="hsl(${hue} 70% 55%)"/>`
        : `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${size.toFixed(0)}" height="${size.toFixed(0)}" fill="hsl(${hue} 70% 45%)"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400"><rect width="600" height="400" fill="#f4f1ea"/>${parts.join('')}</svg>`;
}

function signSvg(text: string, seed: number): string {
  const colors = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0f172a'];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240" viewBox="0 0 600 240"><rect width="600" height="240" fill="#d6d3d1"/><rect x="40" y="50" width="520" height="140" rx="12" fill="${colors[seed % colors.length]}"/><text x="300" y="135" font-family="Arial, Helvetica, sans-serif" font-size="44" font-weight="bold" fill="#fff" text-anchor="middle">${text}</text></svg>`;
}
