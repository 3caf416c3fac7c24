import { EVIDENCE_REQUEST_STATUSES, EVIDENCE_REQUEST_TARGETS } from '../../../shared/domain';
import { EvidenceRequest } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** What staff asked a party to provide, and by when. */
export const evidenceRequestsResource = defineResource({
    name: 'evidence-requests',
    entity: EvidenceRequest,
    alias: 'request',
    fields: columns('request', {
        disputeId: { type: 'int', filter: true, sort: true },
        requestedFrom: { type: 'string', filter: true, values: EVIDENCE_REQUEST_TARGETS },
        requestedById: { type: 'int', filter: true },
        message: { type: 'string' },
        dueAt: { type: 'date', range: true, sort: true },
        status: { type: 'string', filter: true, sort: true, values: EVIDENCE_REQUEST_STATUSES },
        buyerAnswered: { type: 'bool', filter: true },
        sellerAnswered: { type: 'bool', filter: true },
        fulfilledAt: { type: 'date', range: true, sort: true },
        createdAt: { type: 'date', range: true, sort: true },
    }),
    search: ['disputeId', 'message'],
    defaultSort: ['createdAt', 'DESC'],
});
