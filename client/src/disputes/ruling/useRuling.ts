import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { RulingInput } from '../../../../shared/schemas/rulings';
import type { DisputeDeskDataProvider } from '../../dataProvider';
import type { Decision } from '../../types';

/** A random Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newKey(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return `ruling-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Submits a ruling. The Idempotency-Key belongs to the body: sending the same ruling again (a
 * double click, a retry after a lost answer) reuses it and replays the first answer; a corrected
 * ruling after a refusal gets a new key, since the server keeps the refusal as that key's answer.
 */
export function useRuling(disputeId: number, onSuccess: (decision: Decision) => void) {
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const sent = useRef<{ body: string; key: string } | null>(null);
    const mutation = useMutation<Decision, Error, RulingInput>({
        mutationFn: (input) => {
            const body = JSON.stringify(input);
            if (sent.current?.body !== body) sent.current = { body, key: newKey() };
            return dataProvider.rule(disputeId, input, sent.current.key);
        },
        onSuccess: (decision) => {
            notify(
                decision.status === 'pending_approval'
                    ? 'resources.disputes.ruling.notifications.pending_approval'
                    : 'resources.disputes.ruling.notifications.issued',
                { type: 'success', messageArgs: { id: disputeId } }
            );
            refresh();
            onSuccess(decision);
        },
        onError: (error) => {
            // A field refusal shows on its field; anything else may close the form (the dispute moved on).
            if (!(error instanceof HttpError && error.status === 400))
                notify(error.message, { type: 'error' });
            refresh();
        },
    });
    return mutation;
}
