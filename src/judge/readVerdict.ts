import { z } from 'zod';
import type { JudgeVerdict } from '../usecases/ports.ts';

/** Words models use for the three verdicts, beyond the ones asked for. */
const SYNONYMS = new Map<string, JudgeVerdict['verdict']>([
  ['approve', 'approve'],
  ['approved', 'approve'],
  ['reject', 'reject'],
  ['rejected', 'reject'],
  ['unsure', 'unsure'],
  ['uncertain', 'unsure'],
]);
// A reason is shown to reviewers and stored with the decision: a model that writes an essay is cut short.
const MAX_REASON = 1000;

const verdictReply = z.object({
  verdict: z
    .string()
    .transform((v) => SYNONYMS.get(v.trim().toLowerCase()))
    .pipe(z.enum(['approve', 'reject', 'unsure'])),
  reason: z
    .string()
    .trim()
    .min(1)
    .transform((r) => (r.length > MAX_REASON ? `${r.slice(0, MAX_REASON - 1)}…` : r)),
});

export type VerdictReply = Pick<JudgeVerdict, 'verdict' | 'reason'>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: the caller tries the next candidate; a reply no candidate fits is reported as unreadable.
    return undefined;
  }
}

/** Every balanced `{…}` in the text, outermost first, skipping braces inside JSON strings. */
function* objectsIn(text: string): Generator<string> {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        yield text.slice(start, i + 1);
        break;
      }
    }
  }
}

/**
 * Reads a verdict from what a model wrote: a JSON object `{ verdict, reason }`, alone, in a ```json fence, or
 * amid other text (models asked for bare JSON still add fences and preambles). Null when no object in the
 * text is a verdict.
 */
export function readVerdict(content: string): VerdictReply | null {
  const fenced = [...content.matchAll(/```(?:json)?\s*([\s\S]*?)```/gi)].map((m) => m[1]!);
  for (const candidate of [content.trim(), ...fenced, ...objectsIn(content)]) {
    const parsed = verdictReply.safeParse(parseJson(candidate));
    if (parsed.success) return parsed.data;
  }
  return null;
}
