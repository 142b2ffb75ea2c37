import { useState } from 'react';
import type { Project } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { useAsync } from '../lib/useAsync.ts';
import { ContributorTable } from './ContributorTable.tsx';
import { LabelsPanel } from './LabelsPanel.tsx';
import { QualityOverview } from './QualityOverview.tsx';
import { QualitySettingsEditor } from './QualitySettingsEditor.tsx';
import { RunQualityButton } from './RunQualityButton.tsx';

/** The requester's quality dashboard for one project: numbers, contributors, labels and settings. */
export function QualityTab({
  project,
  onProjectChange,
}: {
  project: Project;
  onProjectChange: (p: Project) => void;
}) {
  const [refreshKey, setRefreshKey] = useState(0);
  const report = useAsync(() => apiClient.qualityReport(project.id), [project.id, refreshKey]);

  return (
    <div className="stack" data-testid="quality-tab">
      <section className="card panel" aria-label="Quality">
        <div className="panel-head">
          <h2>Quality</h2>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={report.reload}
            disabled={report.loading}
          >
            {report.loading && report.data ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
        {report.error && (
          <Alert
            action={
              <button type="button" className="btn" onClick={report.reload}>
                Retry
              </button>
            }
          >
            {report.error}
          </Alert>
        )}
        {report.data ? <QualityOverview report={report.data} /> : report.loading && <Loading />}
        <RunQualityButton projectId={project.id} onDone={() => setRefreshKey((k) => k + 1)} />
      </section>
      {report.data && report.data.contributors.length > 0 && (
        <section className="card panel" aria-label="Contributors">
          <div className="panel-head">
            <h2>Contributors</h2>
            <span className="muted small">
              {report.data.contributors.length.toLocaleString()} on this project
            </span>
          </div>
          <ContributorTable contributors={report.data.contributors} />
        </section>
      )}
      <div className="project-grid">
        <LabelsPanel projectId={project.id} method={project.annotation.method} refreshKey={refreshKey} />
        <QualitySettingsEditor key={project.id} project={project} onSaved={onProjectChange} />
      </div>
    </div>
  );
}
