import { useRef, useState } from 'react';
import {
  type ImportFormat,
  type ImportResult,
  importFormatFromFileName,
  type Project,
} from '../../shared/api.ts';
import { ApiError } from '../../shared/client.ts';
import { requiredItemFields } from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { errorMessage } from '../lib/apiClient.ts';
import { uploadItems } from '../lib/uploadItems.ts';
import { MediaImport, mediaFieldOf } from './MediaImport.tsx';

const FORMAT_LABELS: Record<ImportFormat, string> = {
  jsonl: 'JSON Lines (.jsonl)',
  csv: 'CSV with a header row (.csv)',
  labelstudio: 'Label Studio tasks (.json)',
};

/** The per-line problems an import error carries ({ problems: [{ line, message }] }), as text. */
function importProblems(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: { line?: unknown; message?: unknown }) =>
    typeof p?.message === 'string'
      ? [typeof p.line === 'number' && p.line > 0 ? `line ${p.line}: ${p.message}` : p.message]
      : [],
  );
}

/** Uploads an items file with a progress bar; the result or the server's error (naming the line) shows below. */
export function ImportPanel({ project, onImported }: { project: Project; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('jsonl');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const fields = requiredItemFields(project.annotation.method, project.modality);
  const mediaField = mediaFieldOf(project);

  function pick(next: File | null) {
    setFile(next);
    setResult(null);
    setError(null);
    const detected = next ? importFormatFromFileName(next.name) : null;
    if (detected) setFormat(detected);
  }

  async function upload() {
    if (!file) return;
    setProgress(0);
    setResult(null);
    setError(null);
    try {
      const imported = await uploadItems(project.id, format, file, setProgress).done;
      setResult(imported);
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onImported();
    } catch (e) {
      setError({
        message: errorMessage(e),
        details: importProblems(e),
      });
    } finally {
      setProgress(null);
    }
  }

  const closed = project.status === 'closed';
  return (
    <section className="card panel">
      <h2>Import items</h2>
      <p className="muted small">
        Each item needs {fields.length ? fields.map((f) => <code key={f}>{f}</code>) : 'any fields'}; optional{' '}
        <code>id</code> (your reference) and <code>gold</code> (the known answer, used for exams and control
        items). Media fields take http(s) URLs or <code>/blobs/&lt;sha256&gt;</code>.
      </p>
      <div className="import-row">
        <label className="field grow">
          <span>File</span>
          <input
            ref={inputRef}
            type="file"
            accept=".jsonl,.ndjson,.csv,.json"
            onChange={(e) => pick(e.target.files?.[0] ?? null)}
            disabled={closed || progress !== null}
          />
        </label>
        <label className="field">
          <span>Format</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
            {(Object.keys(FORMAT_LABELS) as ImportFormat[]).map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void upload()}
          disabled={!file || progress !== null || closed}
        >
          {progress !== null ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      {closed && <p className="hint">This project is closed; it takes no more items.</p>}
      {mediaField && <MediaImport project={project} field={mediaField} onImported={onImported} />}
      {progress !== null && (
        <div className="upload-progress">
          <ProgressBar value={progress} max={1} label="Upload progress" />
          <span className="muted small">
            {progress < 1 ? `${Math.round(progress * 100)}% uploaded` : 'Uploaded; checking every line…'}
          </span>
        </div>
      )}
      {result && (
        <Alert
          tone="success"
          title={`Imported ${result.imported.toLocaleString()} item${result.imported === 1 ? '' : 's'}`}
        >
          {result.gold > 0 && `${result.gold} of them are gold items. `}The project now has{' '}
          {result.itemCount.toLocaleString()} items.
        </Alert>
      )}
      {error && (
        <Alert title="The import failed">
          <p>{error.message}</p>
          {error.details.length > 1 && (
            <ul className="plain small">
              {error.details.slice(0, 10).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </section>
  );
}
