import type { TaskCard } from '../../shared/api.ts';
import { METHOD_LABELS } from '../../shared/methods.ts';
import { Icon } from '../components/Icon.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { formatCrv, formatDate, formatRelative } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';

function secondsLabel(seconds: number): string {
  return seconds < 90 ? `~${Math.round(seconds)} s per item` : `~${Math.round(seconds / 60)} min per item`;
}

/** One task in the contributor's list: what it pays, what it needs, and whether it is open to them. */
export function TaskCardView({ task }: { task: TaskCard }) {
  const needsExam = task.examRequired && !task.examPassed;
  const examFailed = task.lockReasons.some((r) => r.kind === 'exam_failed');
  const hardLocked = task.locked && task.lockReasons.some((r) => r.kind !== 'exam');
  const to = `/tasks/${task.projectId}`;
  return (
    <article
      className={task.locked ? 'card task-card locked' : 'card task-card'}
      data-locked={task.locked || undefined}
    >
      <header className="task-card-head">
        <span className="level" title="Required level">
          Lv {task.requiredLevel}
        </span>
        <span className="badge">{METHOD_LABELS[task.method]}</span>
        <span className="badge badge-quiet">{task.modality}</span>
        {task.taskType === 'community' && <span className="badge badge-community">Community</span>}
        {task.taskType === 'dual_reward' && <span className="badge badge-community">Dual reward</span>}
      </header>
      <h2 className="task-card-title">{task.name}</h2>
      {task.description && <p className="task-card-desc">{task.description}</p>}
      <p className="tags">
        {[...task.languages, ...task.domains].map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </p>
      <dl className="facts">
        <div>
          <dt>Reward</dt>
          <dd>
            {task.taskType === 'community' ? (
              'Dataset co-ownership'
            ) : (
              <>
                <strong>{formatCrv(task.rewardPerItemWei)}</strong> / item
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Est. per hour</dt>
          <dd title={secondsLabel(task.secondsPerItem)}>
            {task.taskType === 'community' ? '—' : formatCrv(task.rewardPerHourWei, 2)}
          </dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd>{task.remainingItems.toLocaleString()} items</dd>
        </div>
        <div>
          <dt>Deadline</dt>
          <dd title={task.deadline ? formatDate(task.deadline) : undefined}>
            {task.deadline ? formatRelative(task.deadline) : 'None'}
          </dd>
        </div>
      </dl>
      <div className="daily">
        <span className="muted">
          Today {task.doneToday}/{task.dailyCap}
        </span>
        <ProgressBar value={task.doneToday} max={task.dailyCap} label="Done today" />
      </div>
      {task.lockReasons.length > 0 && (
        <ul className="lock-reasons">
          {task.lockReasons.map((r) => (
            <li key={`${r.kind}:${r.message}`}>
              <Icon name="lock" size={14} /> {r.message}
            </li>
          ))}
        </ul>
      )}
      <footer className="task-card-foot">
        {hardLocked || examFailed ? (
          <Link to={to} className="btn" aria-label={`Details of ${task.name}`}>
            View details
          </Link>
        ) : needsExam ? (
          <Link to={to} className="btn btn-primary">
            Take the qualification exam
          </Link>
        ) : (
          <Link to={to} className="btn btn-primary">
            Start labeling
          </Link>
        )}
      </footer>
    </article>
  );
}
