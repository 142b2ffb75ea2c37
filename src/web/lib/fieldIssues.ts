import { ApiError } from '../../shared/client.ts';

/** One validation problem, with its path joined by dots ("annotation.config.choices"). */
export type FieldIssue = { path: string; message: string };

function joinPath(path: unknown): string {
  if (Array.isArray(path)) return path.map(String).join('.');
  return typeof path === 'string' ? path : '';
}

/** The validation issues an API error carries (details is the zod issue list), or from a zod error's issues. */
export function fieldIssues(source: unknown): FieldIssue[] {
  const list = source instanceof ApiError ? source.details : source;
  if (!Array.isArray(list)) return [];
  return list.flatMap((issue: unknown) => {
    if (!issue || typeof issue !== 'object') return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: joinPath(path), message }] : [];
  });
}

/** The messages of issues at or under `prefix`. */
export function issuesAt(issues: FieldIssue[], prefix: string): string[] {
  return issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`)).map((i) => i.message);
}
