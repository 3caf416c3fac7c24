import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Grid,
    Typography,
} from '@mui/material';
import { useGetList, useLocale, useTranslate } from 'react-admin';
import { needsApproval } from '../../../../shared/fourEyes';
import { formatMoney } from '../../../../shared/money';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import { errorOf } from '../evidence/useEvidenceAction';
import type { Attachment, Dispute } from '../../types';
import { farFromPrecedents, GuidancePanel } from './GuidancePanel';
import { RulingConfirmation } from './RulingConfirmation';
import { RulingForm } from './RulingForm';
import {
    amountText,
    draftAmount,
    emptyDraft,
    validateDraft,
    type FieldErrors,
    type RulingDraft,
} from './rulingDraft';
import { templateGroupOf, templateKeys } from './rulingTemplates';
import { useGuidance } from './useGuidance';
import { useRuling } from './useRuling';

const T = 'resources.disputes.ruling';

/** Which draft field a server error names (the amount is typed as text). */
const DRAFT_FIELD: Record<string, keyof FieldErrors> = {
    refundAmount: 'refundAmount',
    returnRequired: 'returnRequired',
    returnShippingPaidBy: 'returnShippingPaidBy',
    rationaleBuyer: 'rationaleBuyer',
    rationaleSeller: 'rationaleSeller',
    evidenceIds: 'evidenceIds',
};

/**
 * The ruling: the form beside the guidance, then a confirmation of what each party receives. Ctrl+Enter
 * goes to the next step; a refusal of the server lands on its field.
 */
export const RulingDialog = ({ dispute, onClose }: { dispute: Dispute; onClose: () => void }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const [draft, setDraft] = useState<RulingDraft>(emptyDraft);
    const [step, setStep] = useState<'form' | 'confirm'>('form');
    const [attempted, setAttempted] = useState(false);
    const [farConfirmed, setFarConfirmed] = useState(false);
    const [serverErrors, setServerErrors] = useState<FieldErrors>({});
    const evidenceTouched = useRef(false);
    const guidance = useGuidance(dispute.id);
    const attachments = useGetList<Attachment>('attachments', {
        filter: { disputeId: dispute.id },
        sort: { field: 'createdAt', order: 'ASC' },
        pagination: { page: 1, perPage: 200 },
    });
    const ruling = useRuling(dispute.id, onClose);
    const refused = errorOf(ruling.error);

    // Evidence marked relevant in review is what a ruling usually relies on: ticked to start with.
    useEffect(() => {
        if (evidenceTouched.current || !attachments.data) return;
        const relevant = attachments.data.filter((a) => a.reviewStatus === 'relevant').map((a) => a.id);
        setDraft((current) => ({ ...current, evidenceIds: relevant }));
    }, [attachments.data]);

    const amount = draftAmount(draft, dispute);
    const { input, errors } = validateDraft(draft, dispute);
    const shown: FieldErrors = { ...(attempted ? errors : {}), ...serverErrors };
    const far = farFromPrecedents(guidance.data, amount);
    const pending =
        input !== null &&
        needsApproval(DEFAULT_POLICY, {
            refundAmount: input.refundAmount,
            currency: dispute.currency,
            buyerFlagged: dispute.buyerFlagged,
        });

    const change = (changes: Partial<RulingDraft>) => {
        if ('evidenceIds' in changes) evidenceTouched.current = true;
        setDraft((current) => ({ ...current, ...changes }));
        setServerErrors((current) => {
            const next = { ...current };
            if ('amountText' in changes) delete next.refundAmount;
            if ('returnRequired' in changes || 'returnShippingPaidBy' in changes) {
                delete next.returnRequired;
                delete next.returnShippingPaidBy;
            }
            if ('rationaleBuyer' in changes) delete next.rationaleBuyer;
            if ('rationaleSeller' in changes) delete next.rationaleSeller;
            if ('evidenceIds' in changes) delete next.evidenceIds;
            return next;
        });
        if ('amountText' in changes) setFarConfirmed(false);
    };

    const fillTemplate = () => {
        const refundAmount = amount ?? 0;
        const context = {
            group: templateGroupOf(dispute.reason),
            refundAmount,
            orderTotal: dispute.orderTotal,
            returnRequired: draft.returnRequired && refundAmount > 0 && dispute.goodsReceived,
        };
        const args = {
            product: dispute.productTitle,
            amount: formatMoney(refundAmount, dispute.currency, locale),
            payer: translate(`enums.party.${draft.returnShippingPaidBy}`).toLowerCase(),
        };
        const text = (party: 'buyer' | 'seller') =>
            templateKeys(party, context)
                .map((key) => translate(key, args))
                .join(' ');
        change({ rationaleBuyer: text('buyer'), rationaleSeller: text('seller') });
    };

    const review = () => {
        setAttempted(true);
        if (input) setStep('confirm');
    };
    const submit = () => {
        if (!input || (far && !farConfirmed) || ruling.isPending) return;
        ruling.mutate(input, {
            onError: (error) => {
                const fields: FieldErrors = {};
                for (const [field, text] of Object.entries(errorOf(error)?.fields ?? {})) {
                    if (DRAFT_FIELD[field]) fields[DRAFT_FIELD[field]] = text;
                }
                setServerErrors(fields);
                if (Object.keys(fields).length > 0) setStep('form');
            },
        });
    };
    const onKeyDown = (event: KeyboardEvent) => {
        if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
        event.preventDefault();
        if (step === 'form') review();
        else submit();
    };
    const generalError = refused && Object.keys(serverErrors).length === 0 ? refused.message : null;

    return (
        <Dialog
            open
            onClose={ruling.isPending ? undefined : onClose}
            fullWidth
            maxWidth="lg"
            scroll="paper"
            aria-labelledby="ruling-title"
            onKeyDown={onKeyDown}
            data-testid="ruling-dialog"
        >
            <DialogTitle id="ruling-title">
                {translate(step === 'form' ? `${T}.title` : `${T}.confirm.title`, { id: dispute.id })}
                <Typography variant="body2" color="text.secondary" component="div">
                    {translate(`${T}.subtitle`, {
                        product: dispute.productTitle,
                        total: formatMoney(dispute.orderTotal, dispute.currency, locale),
                        reason: translate(`enums.reason.${dispute.reason}`),
                    })}
                </Typography>
            </DialogTitle>
            <DialogContent dividers>
                {generalError && (
                    <Alert severity="error" sx={{ mb: 2 }} data-testid="ruling-error">
                        {generalError}
                    </Alert>
                )}
                {step === 'form' || !input ? (
                    <Grid container spacing={3}>
                        <Grid size={{ xs: 12, md: 7 }}>
                            <RulingForm
                                dispute={dispute}
                                draft={draft}
                                errors={shown}
                                attachments={{
                                    data: attachments.data ?? [],
                                    isPending: attachments.isPending,
                                    failed: !!attachments.error,
                                }}
                                onChange={change}
                                onTemplate={fillTemplate}
                            />
                        </Grid>
                        <Grid size={{ xs: 12, md: 5 }}>
                            <GuidancePanel
                                guidance={guidance.data}
                                isPending={guidance.isPending}
                                error={guidance.error}
                                amount={amount}
                                onPick={(minor) => change({ amountText: amountText(minor, dispute) })}
                            />
                        </Grid>
                    </Grid>
                ) : (
                    <RulingConfirmation
                        dispute={dispute}
                        input={input}
                        attachments={attachments.data ?? []}
                        far={far}
                        farConfirmed={farConfirmed}
                        onFarConfirmed={setFarConfirmed}
                    />
                )}
            </DialogContent>
            <DialogActions>
                <Typography variant="caption" color="text.secondary" sx={{ flex: 1, pl: 2 }}>
                    {translate(`${T}.shortcut`)}
                </Typography>
                {step === 'form' ? (
                    <>
                        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                        <Button variant="contained" onClick={review} data-testid="ruling-review">
                            {translate(`${T}.review`)}
                        </Button>
                    </>
                ) : (
                    <>
                        <Button onClick={() => setStep('form')} disabled={ruling.isPending}>
                            {translate(`${T}.back`)}
                        </Button>
                        <Button
                            variant="contained"
                            color={pending ? 'warning' : 'primary'}
                            onClick={submit}
                            disabled={far && !farConfirmed}
                            loading={ruling.isPending}
                            data-testid="ruling-submit"
                        >
                            {translate(pending ? `${T}.submit_for_approval` : `${T}.submit`)}
                        </Button>
                    </>
                )}
            </DialogActions>
        </Dialog>
    );
};
