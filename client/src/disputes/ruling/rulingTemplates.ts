import { outcomeOf, type DisputeReason, type Party } from '../../../../shared/domain';

/** Rationale templates, one per kind of reason (text under resources.disputes.ruling.templates). */
export const TEMPLATE_GROUPS = [
    'not_received',
    'defective',
    'not_as_described',
    'counterfeit',
    'wrong_item',
    'damaged_in_transit',
    'incomplete',
] as const;
export type TemplateGroup = (typeof TEMPLATE_GROUPS)[number];

const GROUP_OF: Record<DisputeReason, TemplateGroup> = {
    not_delivered_protection_ending: 'not_received',
    tracking_not_updated: 'not_received',
    returned_to_sender: 'not_received',
    delivered_to_wrong_address: 'not_received',
    held_by_customs: 'not_received',
    defective: 'defective',
    not_as_described: 'not_as_described',
    low_quality: 'not_as_described',
    counterfeit: 'counterfeit',
    wrong_size: 'wrong_item',
    wrong_color: 'wrong_item',
    damaged_in_transit: 'damaged_in_transit',
    quantity_short: 'incomplete',
    missing_parts: 'incomplete',
};

export const templateGroupOf = (reason: DisputeReason): TemplateGroup => GROUP_OF[reason];

export interface TemplateContext {
    group: TemplateGroup;
    refundAmount: number;
    orderTotal: number;
    returnRequired: boolean;
}

/**
 * The i18n keys whose texts, joined, make a party's rationale: what was found (per reason), what
 * it means for this party (per outcome), and the return when one is ordered.
 */
export function templateKeys(party: Party, context: TemplateContext): string[] {
    const base = 'resources.disputes.ruling.templates';
    const outcome = outcomeOf(context.refundAmount, context.orderTotal);
    return [
        `${base}.finding.${context.group}.${party}`,
        `${base}.outcome.${outcome}.${party}`,
        ...(context.returnRequired ? [`${base}.return.${party}`] : []),
    ];
}
