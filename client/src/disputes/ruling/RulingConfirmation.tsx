import {
    Alert,
    Box,
    Card,
    CardContent,
    Checkbox,
    FormControlLabel,
    Grid,
    Stack,
    Typography,
} from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { outcomeOf, refundDestinationFor, type Party } from '../../../../shared/domain';
import { fourEyesThreshold, needsApproval } from '../../../../shared/fourEyes';
import { formatMoney } from '../../../../shared/money';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import type { RulingInput } from '../../../../shared/schemas/rulings';
import type { Attachment, Dispute } from '../../types';

const T = 'resources.disputes.ruling.confirm';

/**
 * The second step: exactly what each party will be sent (outcome, amount, return, its own
 * rationale), what the ruling relies on, and whether a supervisor must approve it first.
 */
export const RulingConfirmation = ({
    dispute,
    input,
    attachments,
    far,
    farConfirmed,
    onFarConfirmed,
}: {
    dispute: Dispute;
    input: RulingInput;
    attachments: Attachment[];
    far: boolean;
    farConfirmed: boolean;
    onFarConfirmed: (confirmed: boolean) => void;
}) => {
    const translate = useTranslate();
    const locale = useLocale();
    const money = (minor: number) => formatMoney(minor, dispute.currency, locale);
    const outcome = outcomeOf(input.refundAmount, dispute.orderTotal);
    const approval = needsApproval(DEFAULT_POLICY, {
        refundAmount: input.refundAmount,
        currency: dispute.currency,
        buyerFlagged: dispute.buyerFlagged,
    });
    const relied = attachments.filter((attachment) => input.evidenceIds.includes(attachment.id));
    const args = {
        amount: money(input.refundAmount),
        destination: translate(`enums.refundDestination.${refundDestinationFor(dispute.paymentMethod)}`),
        payer: translate(`enums.party.${input.returnShippingPaidBy ?? 'buyer'}`).toLowerCase(),
        product: dispute.productTitle,
    };
    const party = (who: Party) => (
        <Card variant="outlined" sx={{ height: '100%' }} data-testid={`ruling-confirm-${who}`}>
            <CardContent>
                <Typography variant="subtitle2" component="h3" gutterBottom>
                    {translate(`${T}.${who}_receives`, {
                        name: who === 'buyer' ? dispute.buyerName : dispute.sellerName,
                    })}
                </Typography>
                <Typography variant="h6" component="p">
                    {translate(`enums.outcome.${outcome}`)} · {money(input.refundAmount)}
                </Typography>
                <Typography variant="body2" color="text.secondary" gutterBottom>
                    {translate(`${T}.${who}_money.${outcome}`, args)}
                </Typography>
                <Typography variant="body2" gutterBottom>
                    {input.returnRequired
                        ? translate(`${T}.${who}_return`, args)
                        : translate(`${T}.no_return`)}
                </Typography>
                <Box
                    component="blockquote"
                    sx={{
                        m: 0,
                        mt: 1,
                        pl: 1.5,
                        borderLeft: 3,
                        borderColor: 'divider',
                        whiteSpace: 'pre-wrap',
                    }}
                >
                    <Typography variant="body2">
                        {who === 'buyer' ? input.rationaleBuyer : input.rationaleSeller}
                    </Typography>
                </Box>
            </CardContent>
        </Card>
    );
    return (
        <Stack spacing={2} data-testid="ruling-confirmation">
            {approval ? (
                <Alert severity="warning" data-testid="ruling-needs-approval">
                    {dispute.buyerFlagged
                        ? translate(`${T}.approval_flagged`)
                        : translate(`${T}.approval_threshold`, {
                              threshold: money(fourEyesThreshold(DEFAULT_POLICY, dispute.currency)),
                          })}
                </Alert>
            ) : (
                <Alert severity="info" data-testid="ruling-issued-at-once">
                    {translate(
                        outcome === 'no_refund'
                            ? `${T}.issued_closes`
                            : input.returnRequired
                              ? `${T}.issued_return`
                              : `${T}.issued_at_once`
                    )}
                </Alert>
            )}
            <Grid container spacing={2}>
                <Grid size={{ xs: 12, md: 6 }}>{party('buyer')}</Grid>
                <Grid size={{ xs: 12, md: 6 }}>{party('seller')}</Grid>
            </Grid>
            <Typography variant="body2" color="text.secondary">
                {relied.length === 0
                    ? translate(`${T}.no_evidence`)
                    : translate(`${T}.evidence`, { files: relied.map((a) => a.fileName).join(', ') })}
            </Typography>
            {far && (
                <FormControlLabel
                    control={
                        <Checkbox
                            checked={farConfirmed}
                            onChange={(event) => onFarConfirmed(event.target.checked)}
                            slotProps={{ input: { 'data-testid': 'ruling-far-confirm' } as object }}
                        />
                    }
                    label={translate(`${T}.far_confirm`)}
                />
            )}
        </Stack>
    );
};
