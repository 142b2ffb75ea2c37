import type { Project } from '../../shared/api.ts';
import { sizeCategory } from './sizeCategory.ts';

/** What the dataset card says besides the project itself: what the export counted. */
export type CardFacts = {
  rows: number;
  contributors: number;
  statuses: Record<string, number>;
  dataFile: string;
  license: string;
  chainId: number | null;
  registry: string | null;
  batches: number;
};

const TASKS: Record<string, (modality: string) => string> = {
  single_choice: (m) => `${m === 'hybrid' ? 'text' : m}-classification`,
  multi_choice: (m) => `${m === 'hybrid' ? 'text' : m}-classification`,
  rating: (m) => `${m === 'hybrid' ? 'text' : m}-classification`,
  span: () => 'token-classification',
  bbox: () => 'object-detection',
  polygon: () => 'image-segmentation',
  transcription: (m) =>
    m === 'audio' ? 'automatic-speech-recognition' : m === 'image' ? 'image-to-text' : 'text-generation',
  pairwise: () => 'text-ranking',
  free_text: () => 'text-generation',
};

const FIELDS: [string, string][] = [
  ['answer_id', 'the answer (string; also its id in the provenance manifest)'],
  ['item_id', "the item's id on the platform"],
  ['external_id', "the item's id in the requester's import, or null"],
  ['contributor', "the contributor's wallet address"],
  ['status', 'pending, review, approved or rejected (only approved answers are paid)'],
  ['duration_ms', 'time the contributor spent on the item, or null'],
  ['created_at', 'when the answer was stored (ISO-8601 UTC)'],
  ['ledger_seq', "the answer's entry in the project's contribution ledger"],
  ['ledger_hash', 'that entry’s hash'],
  ['answer', 'the answer as JSON'],
  ['data', 'the item as JSON'],
];

const yamlList = (name: string, values: string[]) =>
  values.length ? [`${name}:`, ...values.map((v) => `- ${JSON.stringify(v)}`)] : [];

/** A Hugging Face dataset card (README.md) for an export, from the project's settings and the export's counts only. */
export function datasetCard(project: Project, facts: CardFacts): string {
  const method = project.annotation.method;
  const gated = project.exam.enabled || project.requiredLevel > 0 || project.gates.badgeTier !== null;
  const readsLanguage =
    ['text', 'hybrid'].includes(project.modality) ||
    ['span', 'transcription', 'free_text', 'pairwise'].includes(method);
  const task = TASKS[method]?.(project.modality);
  const q = project.quality;
  const config = project.annotation.config as Record<string, unknown>;
  const labels = (config.labels ?? config.choices) as { value: string; label: string }[] | undefined;
  const front = [
    '---',
    `license: ${facts.license}`,
    ...yamlList('annotations_creators', [gated ? 'expert-generated' : 'crowdsourced']),
    ...(readsLanguage ? yamlList('language', project.languages) : []),
    ...yamlList('size_categories', [sizeCategory(facts.rows)]),
    ...yamlList('source_datasets', ['original']),
    ...yamlList('task_categories', task ? [task] : []),
    `pretty_name: ${JSON.stringify(project.name)}`,
    '---',
  ];
  const statuses = Object.entries(facts.statuses)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const body = [
    `# ${project.name}`,
    '',
    project.description || '(The project has no description.)',
    '',
    `${facts.rows} answers from ${facts.contributors} contributor(s) on ${project.itemCount} items (${project.goldCount} gold): ${statuses || 'none'}. Exported from Caravan as \`${facts.dataFile}\`.`,
    '',
    '## Fields',
    '',
    ...FIELDS.map(([name, what]) => `- \`${name}\`: ${what}`),
    '',
    '## Annotation process',
    '',
    `Method: ${method} on ${project.modality} items; each item asked for ${project.overlap} answer(s).`,
    ...(labels ? ['', `Labels: ${labels.map((l) => `\`${l.value}\` (${l.label})`).join(', ')}.`] : []),
    ...(project.instructions
      ? [
          '',
          'Instructions given to contributors:',
          '',
          ...project.instructions.split('\n').map((l) => `> ${l}`),
        ]
      : []),
    '',
    `Contributors: level ${project.requiredLevel} or above${project.exam.enabled ? `, after an entrance exam (${project.exam.questionCount} questions, pass rate ${project.exam.passRate})` : ''}${project.gates.badgeTier ? `, holding the ${project.gates.badgeTier} badge` : ''}.`,
    '',
    '## Quality controls',
    '',
    `- Screening of every answer at submission (straight-lining, too fast, near-duplicate text).`,
    `- Gold items: ${Math.round(project.goldShare * 100)}% of work; contributors under ${q.gold.minAccuracy} accuracy on gold (after ${q.gold.minAnswers}) are stopped.`,
    `- Aggregation: ${q.aggregation.method} (categorical methods) or the method's consensus; an item is final at confidence ${q.aggregation.confidence}, with ${q.aggregation.minAnswers} to ${q.aggregation.maxOverlap} answers.`,
    `- Peer review: ${q.review.enabled ? `on, by contributors of level ${q.review.minLevel}+ with ${q.review.minAccuracy} accuracy` : 'off'}; model judge: ${q.judge.enabled ? 'on' : 'off'}.`,
    '',
    '## Provenance',
    '',
    "Every answer has an entry in the project's append-only contribution ledger (sha256 of the previous entry and of the contributor, item, answer hash and time). Entries are batched into Merkle trees whose roots are anchored on chain in Caravan's ProvenanceRegistry" +
      (facts.chainId !== null ? ` (chain ${facts.chainId}, registry ${facts.registry})` : '') +
      `; this export covers ${facts.batches} batch(es). \`manifest.json\` lists every file's sha256 and each batch; \`proofs.jsonl\` holds each answer's ledger payload and Merkle proof. Check it all with \`caravan verify --export <dir>\`.`,
    '',
  ];
  return `${front.join('\n')}\n\n${body.join('\n')}`;
}
