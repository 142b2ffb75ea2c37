import { type Decision, type PassAnswer, qualityPass } from '../../domain/quality/pipeline/qualityPass.ts';
import { answerText, TEXT_ANSWER_METHODS } from '../../domain/quality/screening/answerText.ts';
import { extractLinks } from '../../domain/quality/screening/extractLinks.ts';
import { overallOutcome } from '../../domain/quality/screening/overallOutcome.ts';
import { verdict } from '../../domain/quality/screening/verdict.ts';
import type { Deps } from '../deps.ts';
import type { LinkChecker, ModelJudge, ProjectRow, QualitySnapshot, QualityStore } from '../ports.ts';

/** Judge calls at once: enough to hide latency, few enough not to flood a small model server. */
const JUDGE_CONCURRENCY = 4;

export type QualityPassSummary = { decided: number; users: string[]; judged: number; judgeErrors: number };

/**
 * Runs one quality pass over a project: reads its answers, decides what can be decided (asking the model judge
 * first where the project wants it), and writes the outcome. Safe to run twice or at once: decisions apply only
 * to answers still in the state the pass saw.
 */
export async function runQualityPass(
  deps: Pick<Deps, 'quality' | 'clock' | 'judge' | 'links'>,
  projectId: string,
): Promise<QualityPassSummary | null> {
  // Another pass over the project is running (here or in another process): it will see these answers, or the
  // next one will.
  return deps.quality.withPassLock(projectId, () => pass(deps, projectId)).then((r) => r ?? null);
}

async function pass(
  deps: Pick<Deps, 'quality' | 'clock' | 'judge' | 'links'>,
  projectId: string,
): Promise<QualityPassSummary | null> {
  const snapshot = await deps.quality.snapshot(projectId);
  if (!snapshot) return null;
  const { project } = snapshot;
  if (
    deps.links &&
    project.quality.screening.deadLinks.enabled &&
    TEXT_ANSWER_METHODS.has(project.annotation.method)
  )
    snapshot.answers = await checkLinks(deps.quality, deps.links, project, snapshot.answers);
  const judge = project.quality.judge.enabled ? deps.judge : null;
  const result = qualityPass({
    annotation: project.annotation,
    settings: project.quality,
    overlap: project.overlap,
    items: snapshot.items,
    answers: snapshot.answers,
    accuracy: snapshot.accuracy,
    flags: snapshot.flags,
    judge: judge !== null,
    fixed: snapshot.fixed,
    closed: project.status === 'closed',
  });
  const judged = judge
    ? await askJudge(deps.quality, judge, project, snapshot, result.decisions)
    : { decisions: result.decisions, judged: 0, errors: 0 };
  const applied = await deps.quality.apply(
    projectId,
    { ...result, decisions: judged.decisions },
    deps.clock.now(),
  );
  return { ...applied, judged: judged.judged, judgeErrors: judged.errors };
}

/** Answers whose links one pass checks (four at a time, five seconds at most each). */
const LINK_CHECKS_PER_PASS = 100;

/**
 * Dead-link screening, done here rather than at submit because it waits on other servers: each pending text
 * answer with links not yet checked gets a dead_link verdict (refused when a link does not answer), once.
 */
async function checkLinks(
  store: QualityStore,
  links: LinkChecker,
  project: ProjectRow,
  answers: PassAnswer[],
): Promise<PassAnswer[]> {
  const { maxLinks } = project.quality.screening.deadLinks;
  const todo = answers.filter(
    (a) =>
      a.status === 'pending' &&
      !a.screening.some((v) => v.rule === 'dead_link') &&
      extractLinks(answerText(a.answer) ?? '', 1).length > 0,
  );
  if (!todo.length) return answers;
  const updated = new Map<string, PassAnswer>();
  // A budget per pass, so slow links cannot hold up a project's decisions: the rest wait for the next pass.
  const queue = todo.slice(0, LINK_CHECKS_PER_PASS);
  const run = async () => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      const found = extractLinks(answerText(a.answer) ?? '', maxLinks);
      const results = await Promise.all(found.map((url) => links.check(url)));
      const dead = results.filter((r) => r.status === 'dead');
      const unknown = results.filter((r) => r.status === 'unknown');
      // A dead link is refused; one that could not be told (unreachable for now, private) goes to people.
      const v = dead.length
        ? verdict('dead_link', 'reject', `${dead.map((d) => d.reason).join('; ')}: give links that work.`)
        : unknown.length
          ? verdict('dead_link', 'flag', `${unknown.map((d) => d.reason).join('; ')}.`)
          : verdict('dead_link', 'pass', `All ${found.length} link(s) answered.`);
      await store.addVerdict(a.id, v);
      const screening = [...a.screening, v];
      updated.set(a.id, { ...a, screening, screenOutcome: overallOutcome(screening) });
    }
  };
  await Promise.all(Array.from({ length: JUDGE_CONCURRENCY }, run));
  return answers.map((a) => updated.get(a.id) ?? a);
}

/** Puts the judge's approve or reject in place of a decision that asked for it; unsure answers stay for people. */
async function askJudge(
  store: QualityStore,
  judge: ModelJudge,
  project: ProjectRow,
  snapshot: QualitySnapshot,
  decisions: readonly Decision[],
): Promise<{ decisions: Decision[]; judged: number; errors: number }> {
  const answers = new Map(snapshot.answers.map((a) => [a.id, a]));
  const out = [...decisions];
  /** The judge did not settle it: people review it, or with nobody to review, the machine decides as without a judge. */
  const forPeople = (d: Decision, reason: string): Decision =>
    project.quality.review.enabled
      ? { ...d, reason }
      : { ...d, reason, status: d.consensusAgrees === false ? 'rejected' : 'approved', decidedBy: 'machine' };
  let judged = 0;
  let errors = 0;
  const queue = out.map((d, i) => ({ d, i })).filter(({ d }) => d.askJudge);
  const items = await store.itemData([
    ...new Set(queue.map(({ d }) => answers.get(d.answerId)?.itemId ?? '')),
  ]);
  const run = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { d, i } = next;
      const answer = answers.get(d.answerId);
      try {
        const verdict = await judge.judge({
          prompt: project.quality.judge.prompt,
          instructions: project.instructions,
          method: project.annotation.method,
          item: items.get(answer?.itemId ?? '') ?? {},
          answer: answer?.answer,
        });
        judged++;
        if (verdict.verdict === 'unsure')
          out[i] = forPeople(d, `The judge (${verdict.model}) was unsure: ${verdict.reason}`);
        else
          out[i] = {
            ...d,
            status: verdict.verdict === 'approve' ? 'approved' : 'rejected',
            decidedBy: 'judge',
            reason: `${verdict.model}: ${verdict.reason}`,
          };
      } catch (error) {
        // The next pass does not ask again, as the answer is no longer pending.
        errors++;
        out[i] = forPeople(d, `${d.reason} The judge could not be asked: ${(error as Error).message}`.trim());
      }
    }
  };
  await Promise.all(Array.from({ length: JUDGE_CONCURRENCY }, run));
  return { decisions: out, judged, errors };
}
