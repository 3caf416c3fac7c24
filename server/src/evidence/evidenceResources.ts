import {
    ATTACHMENT_KINDS,
    ATTACHMENT_UPLOADERS,
    EVIDENCE_REQUEST_STATUSES,
    EVIDENCE_REQUEST_TARGETS,
    MESSAGE_AUTHOR_KINDS,
    MESSAGE_VISIBILITIES,
    OFFER_STATUSES,
    PARTIES,
    REQUESTED_SOLUTIONS,
    REVIEW_STATUSES,
} from '../../../shared/domain';
import { Attachment, DisputeEvent, EvidenceRequest, Message, Offer } from '../entities';
import { columns, defineResource } from '../rest/Resource';

export const messagesResource = defineResource({
    name: 'messages',
    entity: Message,
    alias: 'message',
    joins: { author: (qb) => qb.leftJoin('staff', 'author', 'author.id = message.authorStaffId') },
    fields: {
        ...columns('message', {
            disputeId: { type: 'int', filter: true, sort: true },
            authorKind: { type: 'string', filter: true, values: MESSAGE_AUTHOR_KINDS },
            authorStaffId: { type: 'int', filter: true },
            visibility: { type: 'string', filter: true, values: MESSAGE_VISIBILITIES },
            body: { type: 'string' },
            createdAt: { type: 'date', range: true, sort: true },
        }),
        authorName: { column: 'author.fullName', type: 'string', join: 'author' },
    },
    search: ['body'],
    defaultSort: ['createdAt', 'ASC'],
});

export const offersResource = defineResource({
    name: 'offers',
    entity: Offer,
    alias: 'offer',
    fields: columns('offer', {
        disputeId: { type: 'int', filter: true, sort: true },
        party: { type: 'string', filter: true, values: PARTIES },
        solution: { type: 'string', filter: true, values: REQUESTED_SOLUTIONS },
        amount: { type: 'int', range: true, sort: true },
        currency: { type: 'string', filter: true },
        note: { type: 'string' },
        status: { type: 'string', filter: true, values: OFFER_STATUSES },
        respondedAt: { type: 'date', range: true, sort: true },
        createdAt: { type: 'date', range: true, sort: true },
    }),
    defaultSort: ['createdAt', 'ASC'],
});

export const attachmentsResource = defineResource({
    name: 'attachments',
    entity: Attachment,
    alias: 'attachment',
    fields: columns('attachment', {
        disputeId: { type: 'int', filter: true, sort: true },
        uploadedBy: { type: 'string', filter: true, values: ATTACHMENT_UPLOADERS },
        uploaderStaffId: { type: 'int', filter: true },
        kind: { type: 'string', filter: true, values: ATTACHMENT_KINDS },
        fileName: { type: 'string', sort: true },
        mimeType: { type: 'string', filter: true },
        size: { type: 'int', range: true, sort: true },
        sha256: { type: 'string', filter: true },
        reviewStatus: { type: 'string', filter: true, values: REVIEW_STATUSES },
        reviewerId: { type: 'int', filter: true },
        reviewNote: { type: 'string' },
        reviewedAt: { type: 'date', range: true },
        createdAt: { type: 'date', range: true, sort: true },
    }),
    search: ['fileName'],
    defaultSort: ['createdAt', 'ASC'],
});

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
    search: ['message'],
    defaultSort: ['createdAt', 'DESC'],
});

export const disputeEventsResource = defineResource({
    name: 'dispute-events',
    entity: DisputeEvent,
    alias: 'event',
    joins: { actor: (qb) => qb.leftJoin('staff', 'actor', 'actor.id = event.actorStaffId') },
    fields: {
        ...columns('event', {
            disputeId: { type: 'int', filter: true, sort: true },
            action: { type: 'string', filter: true },
            fromStatus: { type: 'string', filter: true },
            toStatus: { type: 'string', filter: true },
            actorKind: { type: 'string', filter: true },
            actorStaffId: { type: 'int', filter: true },
            note: { type: 'string' },
            occurredAt: { type: 'date', range: true, sort: true },
        }),
        actorName: { column: 'actor.fullName', type: 'string', join: 'actor' },
    },
    defaultSort: ['occurredAt', 'ASC'],
});
