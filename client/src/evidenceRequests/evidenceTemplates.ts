import { NOT_RECEIVED_REASONS, type DisputeReason, type EvidenceRequestTarget } from '../../../shared/domain';

/** Message templates of the evidence-request dialog (text under resources.disputes.evidence_requests.templates). */
export const EVIDENCE_TEMPLATES = [
    'defect_photos',
    'unboxing_video',
    'packaging_photos',
    'tracking',
    'proof_of_delivery',
    'receipt',
    'unreadable',
    'custom',
] as const;
export type EvidenceTemplate = (typeof EVIDENCE_TEMPLATES)[number];

const BY_REASON: Partial<Record<DisputeReason, EvidenceTemplate>> = {
    damaged_in_transit: 'packaging_photos',
    quantity_short: 'unboxing_video',
    missing_parts: 'unboxing_video',
    delivered_to_wrong_address: 'proof_of_delivery',
};

const isNotReceived = (reason: DisputeReason) => (NOT_RECEIVED_REASONS as readonly string[]).includes(reason);

/** Who is usually asked, and with which template, for a dispute's reason. */
export function suggestedRequest(reason: DisputeReason): {
    from: EvidenceRequestTarget;
    template: EvidenceTemplate;
} {
    if (isNotReceived(reason)) return { from: 'seller', template: BY_REASON[reason] ?? 'tracking' };
    return { from: 'buyer', template: BY_REASON[reason] ?? 'defect_photos' };
}

/** Deadline presets of the dialog, in hours. */
export const DEADLINE_PRESETS = [
    { key: 'preset_24h', hours: 24 },
    { key: 'preset_72h', hours: 72 },
    { key: 'preset_7d', hours: 7 * 24 },
] as const;

/** A Date as the value of an <input type="datetime-local"> in the browser's time zone. */
export function toLocalInputValue(date: Date): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
