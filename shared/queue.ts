import type { DisputeStatus } from './domain';

/** Filters the escalation queue can be narrowed by (queue list, counts and "next case"). */
export const QUEUE_FILTERS = [
    'reason',
    'goodsReceived',
    'currency',
    'buyerCountry',
    'buyerFlagged',
    'orderTotal_gte',
    'orderTotal_lte',
    'requestedAmount_gte',
    'requestedAmount_lte',
    'openedAt_gte',
    'openedAt_lte',
    'escalatedAt_gte',
    'escalatedAt_lte',
    'q',
] as const;

export type QueueFilterName = (typeof QUEUE_FILTERS)[number];

/** The values /api/queue/counts reports a count for. */
export const QUEUE_FACETS = ['reason', 'currency', 'goodsReceived', 'buyerCountry', 'buyerFlagged'] as const;
export type QueueFacet = (typeof QUEUE_FACETS)[number];

/** The ages of the queue's "Waiting" facet: escalated at least this many days ago. */
export const QUEUE_AGE_DAYS = [1, 3, 7, 14] as const;

/** What the queue always is: escalated disputes that nobody holds. */
export const QUEUE_SCOPE = { status: 'escalated', assigneeId: null } as const satisfies {
    status: DisputeStatus;
    assigneeId: null;
};
