import { DomainError } from '../../domain/errors.ts';
import type { Project } from '../../shared/api.ts';
import { qualitySettings } from '../../shared/qualitySettings.ts';
import type { Deps } from '../deps.ts';
import type { Actor, ProjectRow } from '../ports.ts';
import { accessProject } from './accessProject.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `patch` laid over `base`: objects merge key by key, anything else replaces. */
function overlay(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(patch))
    out[key] = isObject(value) && isObject(base[key]) ? overlay(base[key], value) : value;
  return out;
}

/**
 * Pauses, resumes or closes a project, and changes its quality settings: the fields sent replace the current
 * ones, the rest stay as they are (a partial change never resets other settings to their defaults).
 */
export async function updateProject(
  deps: Pick<Deps, 'projects' | 'qualityQueue'>,
  actor: Actor,
  input: { id: string; status?: Project['status'] | undefined; quality?: Json | undefined },
): Promise<ProjectRow> {
  const project = await accessProject(deps, actor, input.id);
  let quality: ProjectRow['quality'] | undefined;
  if (input.quality) {
    const parsed = qualitySettings.safeParse(overlay(project.quality, input.quality));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: ['quality', ...i.path], message: i.message }));
      const first = issues[0]!;
      throw new DomainError('VALIDATION_FAILED', `${first.path.join('.')}: ${first.message}`, issues);
    }
    quality = parsed.data;
  }
  const updated = await deps.projects.updateProject(project.id, {
    ...(input.status ? { status: input.status } : {}),
    ...(quality ? { quality } : {}),
  });
  // New settings, or a closed project whose open items now settle: a pass decides with them.
  deps.qualityQueue.touch(project.id);
  return updated;
}
