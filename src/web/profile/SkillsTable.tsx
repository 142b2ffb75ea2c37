import type { Profile } from '../../shared/api.ts';
import { METHOD_LABELS, METHODS, type Method } from '../../shared/methods.ts';
import { Meter } from '../components/Meter.tsx';
import { formatPercent } from '../lib/format.ts';

function methodLabel(method: string): string {
  if (method === '*') return 'All methods';
  return (METHODS as readonly string[]).includes(method)
    ? METHOD_LABELS[method as Method]
    : method.replaceAll('_', ' ');
}

/** Measured accuracy per annotation method and domain, with the conservative bound levels are decided on. */
export function SkillsTable({ skills }: { skills: Profile['skills'] }) {
  if (skills.length === 0)
    return (
      <p className="muted">
        No skills measured yet: accuracy shows up once gold, reviews or consensus decide some answers.
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="table compact" data-testid="skills-table">
        <thead>
          <tr>
            <th>Method</th>
            <th>Domain</th>
            <th>Accuracy</th>
            <th className="num nowrap" title="The accuracy is very likely at least this">
              At least
            </th>
            <th className="num" title="Weighted count of gold, reviews and consensus behind it">
              Evidence
            </th>
          </tr>
        </thead>
        <tbody>
          {skills.map((s) => (
            <tr key={`${s.method}:${s.domain}`}>
              <td>{methodLabel(s.method)}</td>
              <td className="muted nowrap">{s.domain === '*' ? 'All domains' : s.domain}</td>
              <td>
                <Meter share={s.accuracy} label={`Accuracy on ${methodLabel(s.method)}`} />
              </td>
              <td className="num">{formatPercent(s.lower)}</td>
              <td className="num">{Math.round(s.evidence * 10) / 10}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
