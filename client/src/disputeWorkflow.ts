import { HttpError, type fetchUtils, type Identifier } from 'react-admin';
import { QUEUE_FILTERS, type QueueFacet, type QueueFilterName } from '../../shared/queue';
import type { Dispute } from './types';

type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ json: unknown }>;

export { QUEUE_FILTERS };

export type QueueFilter = Partial<Record<QueueFilterName, unknown>>;

export type { QueueFacet };

/** GET /api/queue/counts: queue size, and per facet how many disputes each value would leave. */
export interface QueueCounts {
    total: number;
    facets: Record<QueueFacet, Record<string, number>>;
    /** The "Waiting" facet: per age in days (QUEUE_AGE_DAYS), the disputes escalated that long ago. */
    ages?: Record<string, number>;
}

/** Queue claims and hand-overs; errors reject with the server's message (HttpError). */
export interface DisputeWorkflow {
    pickUp(id: Identifier): Promise<Dispute>;
    release(id: Identifier): Promise<Dispute>;
    assign(id: Identifier, staffId: Identifier): Promise<Dispute>;
    /** The most urgent matching dispute, now held by the caller; null when none matches. */
    nextCase(filter?: QueueFilter): Promise<Dispute | null>;
    getQueueCounts(filter?: QueueFilter): Promise<QueueCounts>;
}

/** Keeps the filter values the queue understands, dropping empty ones. */
export function queueFilterOf(values: Record<string, unknown>): QueueFilter {
    return Object.fromEntries(
        Object.entries(values).filter(
            ([key, value]) =>
                (QUEUE_FILTERS as readonly string[]).includes(key) && value !== undefined && value !== ''
        )
    );
}

export function disputeWorkflow(apiUrl: string, httpClient: HttpClient): DisputeWorkflow {
    const post = async (path: string, body: object) => {
        const { json } = await httpClient(`${apiUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
        return json as Dispute;
    };
    const disputePath = (id: Identifier, action: string) =>
        `/disputes/${encodeURIComponent(String(id))}/${action}`;
    return {
        pickUp: (id) => post(disputePath(id, 'pickup'), {}),
        release: (id) => post(disputePath(id, 'release'), {}),
        assign: (id, staffId) => post(disputePath(id, 'assign'), { staffId: Number(staffId) }),
        nextCase: async (filter = {}) => {
            try {
                return await post('/queue/next', { filter: queueFilterOf(filter) });
            } catch (error) {
                if (error instanceof HttpError && error.status === 404) return null;
                throw error;
            }
        },
        getQueueCounts: async (filter = {}) => {
            const query = encodeURIComponent(JSON.stringify(queueFilterOf(filter)));
            const { json } = await httpClient(`${apiUrl}/queue/counts?filter=${query}`);
            return json as QueueCounts;
        },
    };
}
