import type { Project } from '../../shared/api.ts';
import { METHOD_LABELS } from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { CreateOrgForm } from '../components/CreateOrgForm.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatCrv, formatDate } from '../lib/format.ts';
import { Link, navigate } from '../lib/router.tsx';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';

/** Lets a signed-in contributor start an organization and so become a requester. */
function CreateOrg() {
  return (
    <div className="card narrow">
      <h2>Become a requester</h2>
      <p className="muted">
        Projects belong to an organization. Create one for your team; you can invite others and make API keys
        later.
      </p>
      <CreateOrgForm />
    </div>
  );
}

const STATUS_LABELS: Record<Project['status'], string> = {
  active: 'Active',
  paused: 'Paused',
  closed: 'Closed',
};

/** The requester's projects with their progress. */
export function ProjectsPage() {
  const { me } = useSession();
  const isRequester = (me?.orgs.length ?? 0) > 0;
  const projects = useAsync(
    () => (isRequester ? apiClient.listProjects() : Promise.resolve({ projects: [] })),
    [isRequester],
  );

  if (!isRequester)
    return (
      <div className="page">
        <header className="page-header">
          <h1>Projects</h1>
        </header>
        <CreateOrg />
      </div>
    );

  const list = projects.data?.projects ?? [];
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Projects</h1>
          <p className="muted">{me?.orgs.map((o) => o.name).join(', ')}</p>
        </div>
        <Link to="/projects/new" className="btn btn-primary">
          New project
        </Link>
      </header>
      {projects.error && <Alert>{projects.error}</Alert>}
      {projects.loading && !projects.data ? (
        <Loading />
      ) : list.length === 0 && !projects.error ? (
        <EmptyState icon="box" title="No projects yet">
          <p>
            A project holds your items, the instructions and the pay. Create one, then import items from JSONL
            or CSV.
          </p>
          <button type="button" className="btn btn-primary" onClick={() => navigate('/projects/new')}>
            Create your first project
          </button>
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Method</th>
                <th>Status</th>
                <th>Items</th>
                <th className="num">Reward / item</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} className="clickable" onClick={() => navigate(`/projects/${p.id}`)}>
                  <td>
                    <Link to={`/projects/${p.id}`} onClick={(e) => e.stopPropagation()}>
                      {p.name}
                    </Link>
                  </td>
                  <td className="muted">{METHOD_LABELS[p.annotation.method]}</td>
                  <td>
                    <span className={`status status-${p.status}`}>{STATUS_LABELS[p.status]}</span>
                  </td>
                  <td>
                    <ProjectProgress project={p} />
                  </td>
                  <td className="num nowrap">{formatCrv(p.rewardPerItemWei)}</td>
                  <td className="muted nowrap">{formatDate(p.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Items done out of items, loaded per row (the list body carries item counts only). */
function ProjectProgress({ project }: { project: Project }) {
  const stats = useAsync(() => apiClient.projectStats(project.id), [project.id]);
  const done = stats.data?.itemsDone ?? 0;
  const total = stats.data
    ? stats.data.itemCount - stats.data.goldCount
    : project.itemCount - project.goldCount;
  return (
    <div className="row-progress">
      <ProgressBar value={done} max={total} label={`${project.name} progress`} />
      <span className="muted small nowrap">
        {stats.data
          ? `${done.toLocaleString()} / ${total.toLocaleString()}`
          : `${total.toLocaleString()} items`}
      </span>
    </div>
  );
}
