import type { Identifier } from 'react-admin';
import { csrfToken, refreshIdentity } from '../authProvider';
import type { Attachment } from '../types';

/** A refused or failed upload: the HTTP status (0 = no answer) and the server's message. */
export class UploadError extends Error {
    constructor(
        readonly status: number,
        message: string
    ) {
        super(message);
    }
}

const idempotencyKey = () =>
    typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
              ''
          );

function send(
    url: string,
    file: File,
    key: string,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal
): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url);
        xhr.withCredentials = true;
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('Idempotency-Key', key);
        const token = csrfToken();
        if (token) xhr.setRequestHeader('X-CSRF-Token', token);
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
            resolve({ status: xhr.status, body });
        };
        xhr.onerror = () => reject(new UploadError(0, ''));
        xhr.onabort = () => reject(new UploadError(0, 'aborted'));
        signal?.addEventListener('abort', () => xhr.abort());
        const form = new FormData();
        form.append('file', file, file.name);
        xhr.send(form);
    });
}

/**
 * Uploads one file as staff evidence (POST /api/disputes/:id/attachments, multipart) with
 * XMLHttpRequest, whose upload events give the progress bar (fetch has none). It carries the
 * session's CSRF token like every write, and retries once when the token was stale.
 */
export async function uploadAttachment(
    disputeId: Identifier,
    file: File,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal
): Promise<Attachment[]> {
    const url = `/api/disputes/${encodeURIComponent(String(disputeId))}/attachments`;
    const key = idempotencyKey();
    let answer = await send(url, file, key, onProgress, signal);
    if (answer.status === 403) {
        const sent = csrfToken();
        if (sent && (await refreshIdentity().catch(() => null))?.csrfToken !== sent) {
            answer = await send(url, file, idempotencyKey(), onProgress, signal);
        }
    }
    if (answer.status >= 200 && answer.status < 300) {
        const body = answer.body as Attachment[] | Attachment;
        return Array.isArray(body) ? body : [body];
    }
    const message = (answer.body as { message?: string } | null)?.message ?? '';
    throw new UploadError(answer.status, message);
}
