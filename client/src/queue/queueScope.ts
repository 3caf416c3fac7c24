import type { DisputeStatus } from '../../../shared/domain';

/** What the queue always is: escalated, and nobody holds it. */
export const QUEUE_SCOPE = { status: 'escalated', assigneeId: null };

/** Statuses of a case someone is working on (a ruling awaiting approval included). */
export const MY_CASE_STATUSES: DisputeStatus[] = ['in_review', 'awaiting_evidence', 'pending_approval'];
