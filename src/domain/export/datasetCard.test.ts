import { describe, expect, it } from 'vitest';
import { projectBody } from '../../shared/api.ts';
import { datasetCard } from './datasetCard.ts';

const project = (over: Record<string, unknown> = {}) =>
  projectBody.parse({
    id: '0b0e7f7e-4a43-4c43-9b3b-1e6d2f7a9c11',
    orgId: 'o',
    name: 'Street "cars"',
    description: 'Cars in street photos.',
    taskType: 'enterprise',
    modality: 'image',
    annotation: { method: 'bbox', config: { labels: [{ value: 'car', label: 'Car' }], minBoxes: 0 } },
    instructions: 'Box every car.',
    overlap: 3,
    rewardPerItemWei: '1',
    budgetWei: '0',
    dailyCap: 10,
    requiredLevel: 0,
    languages: ['en'],
    domains: [],
    deadline: null,
    exam: { enabled: false, questionCount: 5, passRate: 0.8, maxAttempts: 2 },
    goldShare: 0.1,
    leaseSeconds: 600,
    quality: {},
    partnerToken: null,
    partnerRewardPerItemWei: '0',
    gates: { minStakeWei: '0', badgeTier: null, token: null, minTokenWei: '0' },
    status: 'active',
    itemCount: 40,
    goldCount: 4,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });
const facts = {
  rows: 1500,
  contributors: 7,
  statuses: { approved: 1400, rejected: 100 },
  dataFile: 'data.parquet',
  license: 'cc-by-4.0',
  chainId: 31337,
  registry: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  batches: 1,
};

describe('datasetCard', () => {
  it('fills the front matter from the project and the counts', () => {
    const card = datasetCard(project(), facts);
    const front = card.split('---')[1]!;
    expect(front).toBe(
      '\nlicense: cc-by-4.0\nannotations_creators:\n- "crowdsourced"\nsize_categories:\n- "1K<n<10K"\nsource_datasets:\n- "original"\ntask_categories:\n- "object-detection"\npretty_name: "Street \\"cars\\""\n',
    );
    expect(card).toContain(
      '1500 answers from 7 contributor(s) on 40 items (4 gold): 1400 approved, 100 rejected',
    );
    expect(card).toContain('`car` (Car)');
    expect(card).toContain('> Box every car.');
    expect(card).toContain('chain 31337');
  });

  it('names the language for text work and expert annotators behind an exam', () => {
    const card = datasetCard(
      project({
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
        languages: ['de', 'fr'],
        exam: { enabled: true, questionCount: 5, passRate: 0.8, maxAttempts: 2 },
      }),
      { ...facts, rows: 10 },
    );
    expect(card).toContain(
      'annotations_creators:\n- "expert-generated"\nlanguage:\n- "de"\n- "fr"\nsize_categories:\n- "n<1K"',
    );
    expect(card).toContain('task_categories:\n- "text-classification"');
  });
});
