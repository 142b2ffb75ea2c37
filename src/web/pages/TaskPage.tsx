import { useState } from 'react';
import { METHOD_LABELS } from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatCrv, formatDate } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { ExamFlow } from './ExamFlow.tsx';
import { WorkLoop } from './WorkLoop.tsx';

/** One task: its instructions, then the exam or the labeling loop. */
export function TaskPage({ projectId }: { projectId: string }) {
  const task = useAsync(() => apiClient.getTask(projectId), [projectId]);
  const [examDone, setExamDone] = useState(false);

  if (task.loading && !task.data) return <Loading />;
  if (task.error || !task.data)
    return (
      <div className="page">
        <Alert title="Could not open this task" action={<Link to="/tasks">Back to tasks</Link>}>
          {task.error ?? 'The task was not found.'}
        </Alert>
      </div>
    );

  const t = task.data;
  const needsExam = t.examRequired && !t.examPassed && !examDone;
  const blocking = t.lockReasons.filter((r) => r.kind === 'level' || r.kind === 'daily_cap');

  return (
    <div className="page task-page">
      <nav className="breadcrumb">
        <Link to="/tasks">Tasks</Link> <span aria-hidden>›</span> <span>{t.name}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t.name}</h1>
          <p className="meta-line">
            <span className="badge">{METHOD_LABELS[t.method]}</span>
            <span className="badge badge-quiet">{t.modality}</span>
            {t.languages.map((l) => (
              <span key={l} className="badge badge-quiet">
                {l}
              </span>
            ))}
            {t.taskType === 'community' ? (
              <span>Co-ownership of the dataset</span>
            ) : (
              <span>
                <strong>{formatCrv(t.rewardPerItemWei)}</strong> per item
              </span>
            )}
            {t.deadline && <span className="muted">Until {formatDate(t.deadline)}</span>}
          </p>
        </div>
      </header>

      <details className="card instructions" open>
        <summary>Instructions</summary>
        {t.description && <p className="lead">{t.description}</p>}
        <div className="instructions-body">
          {t.instructions || 'The requester gave no further instructions.'}
        </div>
      </details>

      {blocking.length > 0 ? (
        <Alert
          tone="warning"
          title="This task is locked for you"
          action={<Link to="/tasks">Find another task</Link>}
        >
          <ul className="plain">
            {blocking.map((r) => (
              <li key={r.kind}>{r.message}</li>
            ))}
          </ul>
        </Alert>
      ) : needsExam ? (
        <ExamFlow
          task={t}
          onPassed={() => {
            setExamDone(true);
            task.reload();
          }}
        />
      ) : (
        <WorkLoop task={t} />
      )}
    </div>
  );
}
