import { useRef, useState } from 'react';
import type { ImportResult, Project } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';

const MEDIA_FIELDS = { image: 'image/*', audio: 'audio/*', video: 'video/*' } as const;
type MediaField = keyof typeof MEDIA_FIELDS;

/** The media field items of this project are built around, if its modality has one. */
export function mediaFieldOf(project: Project): MediaField | null {
  if (project.annotation.method === 'bbox' || project.annotation.method === 'polygon') return 'image';
  return project.modality in MEDIA_FIELDS ? (project.modality as MediaField) : null;
}

/**
 * Drop media files in: each is stored in the content-addressed file store and becomes one item
 * ({ id: file name, image|audio|video: blob:<sha256> }), like dragging images into Label Studio.
 */
export function MediaImport({
  project,
  field,
  onImported,
}: {
  project: Project;
  field: MediaField;
  onImported: () => void;
}) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function upload(files: File[]) {
    if (!files.length) return;
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: files.length });
    try {
      const lines: string[] = [];
      for (const [i, file] of files.entries()) {
        const blob = await apiClient.uploadBlob(file, file.type);
        lines.push(JSON.stringify({ id: file.name, [field]: `blob:${blob.sha256}` }));
        setProgress({ done: i + 1, total: files.length });
      }
      setResult(await apiClient.importItems(project.id, 'jsonl', lines.join('\n')));
      onImported();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  return (
    <div className="media-import">
      <label className="field">
        <span>Or add {field} files: each becomes an item</span>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={MEDIA_FIELDS[field]}
          disabled={progress !== null || project.status === 'closed'}
          onChange={(e) => void upload([...(e.target.files ?? [])])}
        />
      </label>
      {progress && (
        <div className="upload-progress">
          <ProgressBar value={progress.done} max={progress.total} label="Files uploaded" />
          <span className="muted small">
            {progress.done} of {progress.total} files stored
          </span>
        </div>
      )}
      {result && (
        <Alert tone="success" title={`Added ${result.imported} item${result.imported === 1 ? '' : 's'}`}>
          The project now has {result.itemCount.toLocaleString()} items.
        </Alert>
      )}
      {error && <Alert title="The files were not added">{error}</Alert>}
    </div>
  );
}
