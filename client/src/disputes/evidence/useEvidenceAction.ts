import { useMutation } from '@tanstack/react-query';
import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { DisputeDeskDataProvider } from '../../dataProvider';

/**
 * Runs an evidence call (request, cancel, message, review). On success it says so and reloads the
 * page's data (the dispute's status and SLA move with a request); a refusal stays in the dialog,
 * which shows the server's message (`errorOf`).
 */
export function useEvidenceAction<T>(notification: string, onSuccess?: (result: T) => void) {
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    return useMutation<T, Error, (dataProvider: DisputeDeskDataProvider) => Promise<T>>({
        mutationFn: (call) => call(dataProvider),
        onSuccess: (result) => {
            notify(notification, { type: 'success' });
            refresh();
            onSuccess?.(result);
        },
        onError: () => refresh(),
    });
}

/** The server's message and, per field, what it refused ({message, errors}). */
export function errorOf(error: Error | null): { message: string; fields: Record<string, string> } | null {
    if (!error) return null;
    const errors = error instanceof HttpError ? (error.body as { errors?: unknown } | null)?.errors : null;
    const fields: Record<string, string> = {};
    if (errors && typeof errors === 'object') {
        for (const [field, value] of Object.entries(errors)) {
            fields[field] = Array.isArray(value) ? value.join(' ') : String(value);
        }
    }
    return { message: error.message, fields };
}
