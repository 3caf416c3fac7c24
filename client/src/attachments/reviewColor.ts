import type { ReviewStatus } from '../../../shared/domain';

/** The chip colour of each review status. */
export const REVIEW_COLOR: Record<ReviewStatus, 'default' | 'success' | 'warning' | 'info'> = {
    pending: 'info',
    relevant: 'success',
    not_relevant: 'default',
    unreadable: 'warning',
};
