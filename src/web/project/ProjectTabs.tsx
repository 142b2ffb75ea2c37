import { Link } from '../lib/router.tsx';

/** The sections of a project page, as links so each has its own address (`?tab=quality`). */
export const PROJECT_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'quality', label: 'Quality' },
  { id: 'qa', label: 'QA' },
  { id: 'escrow', label: 'Escrow' },
] as const;
export type ProjectTab = (typeof PROJECT_TABS)[number]['id'];

/** The tab a `?tab=` value names; anything unknown is the overview. */
export function projectTab(value: string | null): ProjectTab {
  return PROJECT_TABS.find((t) => t.id === value)?.id ?? 'overview';
}

/** A row of tabs under the project's header. */
export function ProjectTabs({ projectId, current }: { projectId: string; current: ProjectTab }) {
  return (
    <nav className="tabs" aria-label="Project sections">
      {PROJECT_TABS.map((t) => (
        <Link
          key={t.id}
          to={t.id === 'overview' ? `/projects/${projectId}` : `/projects/${projectId}?tab=${t.id}`}
          className={t.id === current ? 'tab active' : 'tab'}
          aria-current={t.id === current ? 'page' : undefined}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
