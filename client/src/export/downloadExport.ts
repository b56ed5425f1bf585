import type { ExportFormat } from '@dalil/shared';
import { fetchOrRefuse, refusal } from '../api/http.ts';

export interface ExportProgress {
  receivedBytes: number;
  /** From Content-Length, when the server sent one. */
  totalBytes: number | null;
}

/** The export URL of today's guide or of one version. */
export function exportUrl(guideId: string, format: ExportFormat, versionId?: string): string {
  const base = versionId ? `/api/guides/${encodeURIComponent(guideId)}/versions/${encodeURIComponent(versionId)}/export` : `/api/guides/${encodeURIComponent(guideId)}/export`;
  return `${base}?format=${format}`;
}

/** The file name the server chose (RFC 5987 `filename*` first, then the ASCII `filename`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      /* fall through to the ASCII name */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Fetches an export while reporting the bytes received (the server answers once the file is
 * written: the wait before the first byte is the preparation), then hands it to the browser as a
 * download. Errors come back as ApiRequestError with the server's message.
 */
export async function downloadExport(url: string, onProgress: (p: ExportProgress) => void): Promise<string> {
  const response = await fetchOrRefuse(url, { credentials: 'same-origin' });
  if (!response.ok) throw await refusal(response, url);
  const total = Number(response.headers.get('content-length'));
  const totalBytes = Number.isFinite(total) && total > 0 ? total : null;
  const chunks: Uint8Array[] = [];
  let receivedBytes = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      receivedBytes += value.byteLength;
      onProgress({ receivedBytes, totalBytes });
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const fileName = fileNameOf(response.headers.get('content-disposition'), 'dalil-export');
  const blob = new Blob(chunks as BlobPart[], { type });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // revoke later: some browsers read the URL after the click returns
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return fileName;
}
