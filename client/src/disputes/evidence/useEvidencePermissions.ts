import { useCanAccess } from 'react-admin';
import { FINAL_STATUSES, allowedActions } from '../../../../shared/lifecycle';
import type { Dispute } from '../../types';

export interface EvidencePermissions {
    requestEvidence: boolean;
    cancelRequest: boolean;
    message: boolean;
    note: boolean;
    review: boolean;
    upload: boolean;
}

function useMay(resource: string, action: string, record: Dispute | undefined): boolean {
    const { canAccess } = useCanAccess({
        resource,
        action,
        record,
        meta: { assigneeId: record?.assigneeId, status: record?.status },
    });
    return !!canAccess;
}

/**
 * What the evidence section offers on a dispute: what the role may do (authProvider.canAccess with
 * the record, so record rules apply) and what the dispute's state allows.
 */
export function useEvidencePermissions(record: Dispute | undefined): EvidencePermissions {
    const mayRequest = useMay('disputes', 'request_evidence', record);
    const mayCancel = useMay('evidence-requests', 'cancel', record);
    const mayMessage = useMay('disputes', 'message', record);
    const mayNote = useMay('disputes', 'note', record);
    const mayReview = useMay('attachments', 'review', record);
    const mayUpload = useMay('attachments', 'create', record);
    if (!record)
        return {
            requestEvidence: false,
            cancelRequest: false,
            message: false,
            note: false,
            review: false,
            upload: false,
        };
    const open = !FINAL_STATUSES.includes(record.status);
    return {
        requestEvidence: mayRequest && allowedActions(record.status, 'staff').includes('request_evidence'),
        cancelRequest: mayCancel,
        message: mayMessage && open,
        note: mayNote,
        review: mayReview,
        upload: mayUpload && open,
    };
}
