import { useState } from 'react';
import type { Project } from '../../shared/api.ts';
import { METHOD_LABELS } from '../../shared/methods.ts';
import { EscrowTab } from '../chain/EscrowTab.tsx';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatCrv, formatDate } from '../lib/format.ts';
import { Link, useLocation } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { ExportPanel } from '../project/ExportPanel.tsx';
import { ImportPanel } from '../project/ImportPanel.tsx';
import { ItemsPanel } from '../project/ItemsPanel.tsx';
import { ProgressPanel } from '../project/ProgressPanel.tsx';
import { ProjectTabs, projectTab } from '../project/ProjectTabs.tsx';
import { PublishDatasetButton } from '../project/PublishDatasetButton.tsx';
import { QaTab } from '../qa/QaTab.tsx';
import { QualityTab } from '../quality/QualityTab.tsx';

type Status = Project['status'];

/** Pause, resume or close a project; closing asks first, since it cannot be undone. */
function StatusControl({ project, onChange }: { project: Project; onChange: (p: Project) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(status: Status) {
    if (status === 'closed' && !window.confirm('Close this project? Contributors stop getting its items.'))
      return;
    setBusy(true);
    setError(null);
    try {
      onChange(await apiClient.setProjectStatus(project.id, status));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="status-control">
      <span className={`status status-${project.status}`}>{project.status}</span>
      {project.status === 'active' && (
        <button type="button" className="btn" onClick={() => void change('paused')} disabled={busy}>
          Pause
        </button>
      )}
      {project.status === 'paused' && (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void change('active')}
          disabled={busy}
        >
          Resume
        </button>
      )}
      {project.status !== 'closed' && (
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void change('closed')}
          disabled={busy}
        >
          Close
        </button>
      )}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

/** A requester's view of one project: status, import, live progress, items and exports. */
export function ProjectPage({ projectId }: { projectId: string }) {
  const loaded = useAsync(() => apiClient.getProject(projectId), [projectId]);
  const [updated, setUpdated] = useState<Project | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const project = updated?.id === projectId ? updated : loaded.data;
  const tab = projectTab(useLocation().search.get('tab'));

  if (loaded.loading && !project) return <Loading />;
  if (!project)
    return (
      <div className="page">
        <Alert title="Could not open this project" action={<Link to="/projects">Back to projects</Link>}>
          {loaded.error ?? 'The project was not found.'}
        </Alert>
      </div>
    );

  return (
    <div className="page">
      <nav className="breadcrumb">
        <Link to="/projects">Projects</Link> <span aria-hidden>›</span> <span>{project.name}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{project.name}</h1>
          <p className="meta-line">
            <span className="badge">{METHOD_LABELS[project.annotation.method]}</span>
            <span className="badge badge-quiet">{project.modality}</span>
            <span>{formatCrv(project.rewardPerItemWei)} per item</span>
            <span className="muted">
              {project.overlap} answer{project.overlap === 1 ? '' : 's'} per item · created{' '}
              {formatDate(project.createdAt)}
            </span>
          </p>
          {project.description && <p className="muted">{project.description}</p>}
        </div>
        <div className="row">
          <PublishDatasetButton project={project} />
          <StatusControl project={project} onChange={setUpdated} />
        </div>
      </header>
      <ProjectTabs projectId={project.id} current={tab} />
      {tab === 'quality' && <QualityTab project={project} onProjectChange={setUpdated} />}
      {tab === 'qa' && <QaTab project={project} />}
      {tab === 'escrow' && <EscrowTab project={project} />}
      <div className="project-grid" hidden={tab !== 'overview'}>
        <div className="stack">
          <ProgressPanel projectId={project.id} budgetWei={project.budgetWei} refreshKey={refreshKey} />
          <ItemsPanel projectId={project.id} refreshKey={refreshKey} />
        </div>
        <div className="stack">
          <ImportPanel project={project} onImported={() => setRefreshKey((k) => k + 1)} />
          <ExportPanel projectId={project.id} />
        </div>
      </div>
    </div>
  );
}
