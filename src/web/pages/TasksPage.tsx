import { type ChangeEvent, useState } from 'react';
import { METHOD_LABELS, METHODS, MODALITIES } from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { TaskCardView } from './TaskCardView.tsx';

type Filters = { method: string; modality: string; language: string; level: string };
const NO_FILTERS: Filters = { method: '', modality: '', language: '', level: '' };
const LEVELS = Array.from({ length: 11 }, (_, i) => i);
const COMMON_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja', 'hi', 'ar'];

/** The contributor's task list: open tasks first, locked ones last with how to unlock them. */
export function TasksPage() {
  const { me } = useSession();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const tasks = useAsync(
    () =>
      apiClient.listTasks({
        ...(filters.method && { method: filters.method }),
        ...(filters.modality && { modality: filters.modality }),
        ...(filters.language && { language: filters.language }),
        ...(filters.level && { level: Number(filters.level) }),
      }),
    [filters.method, filters.modality, filters.language, filters.level],
  );
  const list = tasks.data?.tasks ?? [];
  const languages = [...new Set([...COMMON_LANGUAGES, ...list.flatMap((t) => t.languages), filters.language])]
    .filter(Boolean)
    .sort();
  const filtered = Object.values(filters).some(Boolean);
  const set = (key: keyof Filters) => (e: ChangeEvent<HTMLSelectElement>) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  const open = list.filter((t) => !t.locked).length;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Tasks</h1>
          <p className="muted">
            {me ? `You are level ${me.level} with ${me.xp.toLocaleString()} XP. ` : ''}Pick a task that fits
            your skills; locked tasks show how to unlock them.
          </p>
        </div>
      </header>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter tasks">
        <label>
          <span>Method</span>
          <select className="filter-select" value={filters.method} onChange={set('method')}>
            <option value="">Any method</option>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Modality</span>
          <select className="filter-select" value={filters.modality} onChange={set('modality')}>
            <option value="">Any modality</option>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Language</span>
          <select className="filter-select" value={filters.language} onChange={set('language')}>
            <option value="">Any language</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Level</span>
          <select className="filter-select" value={filters.level} onChange={set('level')}>
            <option value="">Any level</option>
            {LEVELS.map((level) => (
              <option key={level} value={String(level)}>
                Level {level}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button type="button" className="btn btn-quiet" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </form>
      {tasks.error && (
        <Alert
          action={
            <button type="button" className="btn" onClick={tasks.reload}>
              Retry
            </button>
          }
        >
          {tasks.error}
        </Alert>
      )}
      {tasks.loading && !tasks.data ? (
        <Loading label="Loading tasks…" />
      ) : list.length === 0 && !tasks.error ? (
        <EmptyState icon="compass" title={filtered ? 'No tasks match these filters' : 'No tasks yet'}>
          {filtered ? (
            <p>Try another method or language, or clear the filters.</p>
          ) : (
            <p>
              When requesters publish projects, they show up here. If you are a requester, create a project
              from the Projects page.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          {list.length > 0 && (
            <p className="muted small">
              {open} open · {list.length - open} locked
            </p>
          )}
          <div className="grid">
            {list.map((t) => (
              <TaskCardView key={t.projectId} task={t} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
