import type { fetchUtils, Identifier } from 'react-admin';
import type { EvidenceRequestTarget, MessageVisibility } from '../../shared/domain';
import type { Attachment, EvidenceRequest, Message } from './types';

type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ json: unknown }>;

/** What a reviewer may say about a piece of evidence (PATCH /api/attachments/:id). */
export const REVIEW_VERDICTS = ['relevant', 'not_relevant', 'unreadable'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export interface EvidenceRequestInput {
    from: EvidenceRequestTarget;
    message: string;
    /** ISO instant; the server defaults it (policy) when absent. */
    dueAt?: string;
}

/** Evidence requests, staff messages and the review of evidence; errors reject with HttpError. */
export interface EvidenceWorkflow {
    requestEvidence(disputeId: Identifier, input: EvidenceRequestInput): Promise<EvidenceRequest>;
    cancelEvidenceRequest(requestId: Identifier, reason: string): Promise<EvidenceRequest>;
    postMessage(disputeId: Identifier, visibility: MessageVisibility, body: string): Promise<Message>;
    reviewAttachment(
        attachmentId: Identifier,
        reviewStatus: ReviewVerdict,
        reviewNote: string | null
    ): Promise<Attachment>;
}

export function evidenceWorkflow(apiUrl: string, httpClient: HttpClient): EvidenceWorkflow {
    const send = async <T>(method: string, path: string, body: object) => {
        const { json } = await httpClient(`${apiUrl}${path}`, { method, body: JSON.stringify(body) });
        return json as T;
    };
    const id = (value: Identifier) => encodeURIComponent(String(value));
    return {
        requestEvidence: (disputeId, input) =>
            send('POST', `/disputes/${id(disputeId)}/evidence-requests`, input),
        cancelEvidenceRequest: (requestId, reason) =>
            send('POST', `/evidence-requests/${id(requestId)}/cancel`, { reason }),
        postMessage: (disputeId, visibility, body) =>
            send('POST', `/disputes/${id(disputeId)}/messages`, { visibility, body }),
        reviewAttachment: (attachmentId, reviewStatus, reviewNote) =>
            send('PATCH', `/attachments/${id(attachmentId)}`, { reviewStatus, reviewNote }),
    };
}
