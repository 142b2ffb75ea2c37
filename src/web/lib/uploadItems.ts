import { type ImportFormat, type ImportResult, importResultBody } from '../../shared/api.ts';
import { ApiError } from '../../shared/client.ts';

/**
 * Uploads an items file with XMLHttpRequest, the one browser API that reports upload progress.
 * Rejects with an ApiError carrying the server's message (which names the bad line).
 */
export function uploadItems(
  projectId: string,
  format: ImportFormat,
  file: Blob,
  onProgress: (share: number) => void,
): { done: Promise<ImportResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportResult>((resolve, reject) => {
    xhr.open('POST', `/api/projects/${encodeURIComponent(projectId)}/items?format=${format}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = importResultBody.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new Error('The server answered the import with an unexpected body.'));
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)
        ?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? 'HTTP_ERROR',
          error?.message ?? `${xhr.status} ${xhr.statusText || 'upload failed'}`,
          error?.details,
        ),
      );
    };
    xhr.onerror = () => reject(new Error('The upload failed: the server could not be reached.'));
    xhr.onabort = () => reject(new Error('The upload was cancelled.'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
