import {
    FormControlLabel,
    FormHelperText,
    FormLabel,
    Radio,
    RadioGroup,
    Stack,
    Switch,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { PARTIES, type Party } from '../../../../shared/domain';
import type { Attachment, Dispute } from '../../types';
import { EvidenceChecklist } from './EvidenceChecklist';
import { RationaleFields } from './RationaleFields';
import { RefundAmountInput } from './RefundAmountInput';
import { draftAmount, returnPossible, type FieldErrors, type RulingDraft } from './rulingDraft';

const T = 'resources.disputes.ruling.form';

/** The first step: amount, return, the two rationales and the evidence relied on. */
export const RulingForm = ({
    dispute,
    draft,
    errors,
    attachments,
    onChange,
    onTemplate,
}: {
    dispute: Dispute;
    draft: RulingDraft;
    /** Messages to show per field (i18n keys or the server's text). */
    errors: FieldErrors;
    attachments: { data: Attachment[]; isPending: boolean; failed: boolean };
    onChange: (changes: Partial<RulingDraft>) => void;
    onTemplate: () => void;
}) => {
    const translate = useTranslate();
    const message = (text?: string) => (text ? translate(text, { _: text }) : undefined);
    const amount = draftAmount(draft, dispute);
    const canReturn = returnPossible(dispute, amount);
    return (
        <Stack spacing={2.5} component="form" noValidate onSubmit={(event) => event.preventDefault()}>
            <RefundAmountInput
                dispute={dispute}
                text={draft.amountText}
                amount={amount}
                error={message(errors.refundAmount)}
                onChange={(amountText) => onChange({ amountText })}
            />
            <Stack spacing={0.5}>
                <FormControlLabel
                    control={
                        <Switch
                            checked={draft.returnRequired && canReturn}
                            disabled={!canReturn}
                            onChange={(event) => onChange({ returnRequired: event.target.checked })}
                            slotProps={{ input: { 'data-testid': 'ruling-return' } as object }}
                        />
                    }
                    label={translate(`${T}.return`)}
                />
                {!canReturn && (
                    <Typography variant="caption" color="text.secondary">
                        {translate(
                            dispute.goodsReceived ? `${T}.return_no_refund` : `${T}.return_not_received`
                        )}
                    </Typography>
                )}
                {draft.returnRequired && canReturn && (
                    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', pl: 1 }}>
                        <FormLabel id="ruling-return-payer">{translate(`${T}.return_paid_by`)}</FormLabel>
                        <RadioGroup
                            row
                            aria-labelledby="ruling-return-payer"
                            value={draft.returnShippingPaidBy}
                            onChange={(event) =>
                                onChange({ returnShippingPaidBy: event.target.value as Party })
                            }
                        >
                            {PARTIES.map((party) => (
                                <FormControlLabel
                                    key={party}
                                    value={party}
                                    control={<Radio size="small" />}
                                    label={translate(`enums.party.${party}`)}
                                />
                            ))}
                        </RadioGroup>
                    </Stack>
                )}
                {(errors.returnRequired || errors.returnShippingPaidBy) && (
                    <FormHelperText error>
                        {message(errors.returnRequired ?? errors.returnShippingPaidBy)}
                    </FormHelperText>
                )}
            </Stack>
            <RationaleFields
                values={{ buyer: draft.rationaleBuyer, seller: draft.rationaleSeller }}
                errors={{ buyer: message(errors.rationaleBuyer), seller: message(errors.rationaleSeller) }}
                onChange={(party, text) =>
                    onChange(party === 'buyer' ? { rationaleBuyer: text } : { rationaleSeller: text })
                }
                onTemplate={onTemplate}
            />
            <EvidenceChecklist
                attachments={attachments.data}
                isPending={attachments.isPending}
                failed={attachments.failed}
                selected={draft.evidenceIds}
                error={message(errors.evidenceIds)}
                onChange={(evidenceIds) => onChange({ evidenceIds })}
            />
        </Stack>
    );
};
