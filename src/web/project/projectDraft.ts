import { parseUnits } from '../../shared/amount.ts';
import type { CreateProjectInput } from '../../shared/api.ts';
import type { Method, Modality, TaskType } from '../../shared/methods.ts';
import type { FieldIssue } from '../lib/fieldIssues.ts';
import { buildAnnotation, type ConfigDraft, DEFAULT_CONFIG } from './AnnotationConfigEditor.tsx';

/** The new-project form as typed: text for every number so half-typed values are not lost. */
export type ProjectDraft = {
  orgId: string;
  name: string;
  description: string;
  taskType: TaskType;
  modality: Modality;
  method: Method;
  config: ConfigDraft;
  instructions: string;
  overlap: string;
  reward: string;
  budget: string;
  dailyCap: string;
  requiredLevel: string;
  languages: string;
  domains: string;
  deadline: string;
  examEnabled: boolean;
  examQuestions: string;
  examPassPercent: string;
  examAttempts: string;
  goldPercent: string;
  leaseSeconds: string;
  /** Dual-reward projects: the partner's ERC-20 and its reward per item, in tokens. */
  partnerToken: string;
  partnerReward: string;
  /** On-chain gates: a locked stake in tokens, a tier badge ('' for none), a token balance. */
  minStake: string;
  badgeTier: string;
  gateToken: string;
  gateMinBalance: string;
};

/** A new project's starting values, matching the server's defaults. */
export function emptyDraft(orgId: string): ProjectDraft {
  return {
    orgId,
    name: '',
    description: '',
    taskType: 'enterprise',
    modality: 'text',
    method: 'single_choice',
    config: DEFAULT_CONFIG,
    instructions: '',
    overlap: '3',
    reward: '0.1',
    budget: '100',
    dailyCap: '500',
    requiredLevel: '0',
    languages: 'en',
    domains: '',
    deadline: '',
    examEnabled: false,
    examQuestions: '5',
    examPassPercent: '80',
    examAttempts: '2',
    goldPercent: '0',
    leaseSeconds: '600',
    partnerToken: '',
    partnerReward: '0',
    minStake: '0',
    badgeTier: '',
    gateToken: '',
    gateMinBalance: '0',
  };
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function tokens(text: string, path: string, issues: FieldIssue[]): string {
  try {
    return parseUnits(text === '' ? '0' : text).toString();
  } catch (e) {
    issues.push({ path, message: e instanceof Error ? e.message : String(e) });
    return '0';
  }
}

/** The create-project body from the form, plus problems only the form can see (unparseable amounts). */
export function buildProjectInput(d: ProjectDraft): { input: CreateProjectInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const input: CreateProjectInput = {
    ...(d.orgId && { orgId: d.orgId }),
    name: d.name,
    description: d.description,
    taskType: d.taskType,
    modality: d.modality,
    annotation: buildAnnotation(d.method, d.config),
    instructions: d.instructions,
    overlap: num(d.overlap),
    rewardPerItemWei: tokens(d.reward, 'rewardPerItemWei', issues),
    budgetWei: tokens(d.budget, 'budgetWei', issues),
    dailyCap: num(d.dailyCap),
    requiredLevel: num(d.requiredLevel),
    languages: list(d.languages),
    domains: list(d.domains),
    // The deadline is the end of the chosen day, in the requester's time zone.
    deadline: d.deadline ? new Date(`${d.deadline}T23:59:59`).toISOString() : null,
    exam: {
      enabled: d.examEnabled,
      questionCount: num(d.examQuestions),
      passRate: num(d.examPassPercent) / 100,
      maxAttempts: num(d.examAttempts),
    },
    goldShare: num(d.goldPercent) / 100,
    leaseSeconds: num(d.leaseSeconds),
    ...(d.taskType === 'dual_reward'
      ? {
          partnerToken: d.partnerToken.trim() || null,
          partnerRewardPerItemWei: tokens(d.partnerReward, 'partnerRewardPerItemWei', issues),
        }
      : {}),
    gates: {
      minStakeWei: tokens(d.minStake, 'gates.minStakeWei', issues),
      badgeTier: d.badgeTier === '' ? null : Number(d.badgeTier),
      token: d.gateToken.trim() || null,
      minTokenWei: tokens(d.gateMinBalance, 'gates.minTokenWei', issues),
    },
  };
  return { input, issues };
}
