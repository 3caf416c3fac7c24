import type { Party } from '../../../../shared/domain';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import { refundAmountProblem, rulingSchema, type RulingInput } from '../../../../shared/schemas/rulings';
import { minorToMajorText, parseMajorAmount } from '../../common/amountInput';
import type { Dispute } from '../../types';

/** The ruling form as the mediator fills it: the amount as typed, in major units. */
export interface RulingDraft {
    amountText: string;
    returnRequired: boolean;
    returnShippingPaidBy: Party;
    rationaleBuyer: string;
    rationaleSeller: string;
    evidenceIds: number[];
}

export type RulingField = keyof RulingInput;
export type FieldErrors = Partial<Record<RulingField, string>>;

const schema = rulingSchema(DEFAULT_POLICY);
/** i18n keys of the form's own messages; the schema's messages are the server's English text. */
const T = 'resources.disputes.ruling.errors';

export function emptyDraft(): RulingDraft {
    return {
        amountText: '',
        returnRequired: false,
        returnShippingPaidBy: 'buyer',
        rationaleBuyer: '',
        rationaleSeller: '',
        evidenceIds: [],
    };
}

export const amountText = (minor: number, dispute: Dispute) => minorToMajorText(minor, dispute.currency);

/** The refund in minor units, or null while the text is not an amount of the order currency. */
export const draftAmount = (draft: RulingDraft, dispute: Dispute): number | null =>
    parseMajorAmount(draft.amountText, dispute.currency);

/** Goods go back only when the buyer has them and gets money back (the server refuses otherwise). */
export const returnPossible = (dispute: Dispute, amount: number | null) =>
    dispute.goodsReceived && amount !== null && amount > 0;

/**
 * The request body of the draft, validated by the server's own schema (shared/schemas/rulings.ts)
 * and the order total; `errors` names each field that would be refused (an i18n key or the
 * schema's message).
 */
export function validateDraft(
    draft: RulingDraft,
    dispute: Dispute
): { input: RulingInput | null; errors: FieldErrors } {
    const errors: FieldErrors = {};
    const amount = draftAmount(draft, dispute);
    if (amount === null) {
        errors.refundAmount = draft.amountText.trim() ? `${T}.amount_invalid` : `${T}.amount_required`;
    } else if (refundAmountProblem(amount, dispute.orderTotal)) {
        errors.refundAmount = `${T}.amount_above_total`;
    }
    const returnRequired = draft.returnRequired && returnPossible(dispute, amount);
    const candidate = {
        refundAmount: amount ?? 0,
        returnRequired,
        ...(returnRequired ? { returnShippingPaidBy: draft.returnShippingPaidBy } : {}),
        rationaleBuyer: draft.rationaleBuyer,
        rationaleSeller: draft.rationaleSeller,
        evidenceIds: draft.evidenceIds,
    };
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
        for (const issue of parsed.error.issues) {
            const field = issue.path[0] as RulingField | undefined;
            if (field && !errors[field]) errors[field] = issue.message;
        }
    }
    const valid = parsed.success && Object.keys(errors).length === 0;
    return { input: valid ? parsed.data : null, errors };
}
