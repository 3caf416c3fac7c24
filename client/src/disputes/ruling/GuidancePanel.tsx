import type { ReactNode } from 'react';
import { Alert, Box, Button, Divider, Skeleton, Stack, Typography } from '@mui/material';
import LightbulbOutlinedIcon from '@mui/icons-material/LightbulbOutlined';
import { useLocale, useTranslate } from 'react-admin';
import { refundPercentOf } from '../../../../shared/domain';
import { formatMoney } from '../../../../shared/money';
import { isFarFromPrecedents } from '../../../../shared/precedents';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import type { Guidance } from '../../../../shared/precedents';
import { PrecedentList } from './PrecedentList';

const T = 'resources.disputes.ruling.guidance';

/** Whether a refund of `amount` lies far from the precedents' median (then the form asks to confirm). */
export function farFromPrecedents(guidance: Guidance | undefined, amount: number | null): boolean {
    if (!guidance || amount === null) return false;
    return isFarFromPrecedents(
        refundPercentOf(amount, guidance.orderTotal),
        guidance.precedents.medianRefundPercent,
        { ...DEFAULT_POLICY, precedentFarPercentPoints: guidance.precedents.farPercentPoints }
    );
}

/**
 * Beside the ruling form: what the buyer asked, the seller's last offer, the partial-refund rule of
 * thumb and the precedents. Each amount can be taken into the form.
 */
export const GuidancePanel = ({
    guidance,
    isPending,
    error,
    amount,
    onPick,
}: {
    guidance: Guidance | undefined;
    isPending: boolean;
    error: Error | null;
    /** The refund in the form (minor units), to place it against the precedents. */
    amount: number | null;
    onPick: (minor: number) => void;
}) => {
    const translate = useTranslate();
    const locale = useLocale();
    if (isPending) {
        return (
            <Stack spacing={1} data-testid="ruling-guidance" aria-busy="true">
                <Skeleton variant="text" width="60%" />
                <Skeleton variant="rounded" height={48} />
                <Skeleton variant="rounded" height={160} />
            </Stack>
        );
    }
    if (error || !guidance) {
        return (
            <Alert severity="warning" data-testid="ruling-guidance">
                {translate(`${T}.error`, { message: error?.message ?? '' })}
            </Alert>
        );
    }
    const money = (minor: number) => formatMoney(minor, guidance.currency, locale);
    const { precedents, partialGuidance, requested, lastOffer } = guidance;
    const percent = amount === null ? null : refundPercentOf(amount, guidance.orderTotal);
    const far = farFromPrecedents(guidance, amount);
    const pick = (minor: number) => (
        <Button size="small" onClick={() => onPick(minor)} sx={{ minWidth: 0, py: 0 }}>
            {translate(`${T}.use`)}
        </Button>
    );
    return (
        <Stack spacing={1.5} data-testid="ruling-guidance">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'text.secondary' }}>
                <LightbulbOutlinedIcon fontSize="small" />
                <Typography variant="subtitle2" component="h3">
                    {translate(`${T}.title`)}
                </Typography>
            </Stack>
            <Row
                label={translate(`${T}.requested`)}
                value={`${translate(`enums.requestedSolution.${requested.solution}`)} · ${money(requested.amount)}`}
                action={pick(requested.amount)}
            />
            <Row
                label={translate(`${T}.last_offer`)}
                value={
                    lastOffer
                        ? `${translate(`enums.requestedSolution.${lastOffer.solution}`, { _: lastOffer.solution })}${
                              lastOffer.amount === null ? '' : ` · ${money(lastOffer.amount)}`
                          } (${translate(`enums.offerStatus.${lastOffer.status}`, { _: lastOffer.status })})`
                        : translate(`${T}.no_offer`)
                }
                action={lastOffer?.amount != null ? pick(lastOffer.amount) : undefined}
            />
            <Row
                label={translate(`${T}.rule_of_thumb`)}
                value={translate(`${T}.rule_of_thumb_text`, {
                    percent: partialGuidance.percent,
                    amount: money(partialGuidance.amount),
                })}
                action={pick(partialGuidance.amount)}
            />
            <Divider />
            <Box data-testid="ruling-precedents">
                <Typography variant="subtitle2" component="h4">
                    {precedents.count === 0
                        ? translate(`${T}.precedents_none`)
                        : translate(`${T}.precedents`, { smart_count: precedents.count })}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
                    {translate(`${T}.precedents_scope`, {
                        percent: precedents.band.percent,
                        min: money(precedents.band.min),
                        max: money(precedents.band.max),
                    })}
                </Typography>
                {precedents.count === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                        {translate(`${T}.no_precedents`)}
                    </Typography>
                ) : (
                    <Stack spacing={1}>
                        <Typography variant="body2" data-testid="precedent-median">
                            {translate(`${T}.median`, { percent: precedents.medianRefundPercent ?? 0 })}
                            {percent !== null && ` · ${translate(`${T}.yours`, { percent })}`}
                        </Typography>
                        {far && (
                            <Alert severity="warning" data-testid="ruling-far">
                                {translate(`${T}.far`, {
                                    points: precedents.farPercentPoints,
                                })}
                            </Alert>
                        )}
                        <PrecedentList precedents={precedents} />
                    </Stack>
                )}
            </Box>
        </Stack>
    );
};

const Row = ({ label, value, action }: { label: string; value: string; action?: ReactNode }) => (
    <Box>
        <Typography variant="caption" color="text.secondary" component="div">
            {label}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
            <Typography variant="body2">{value}</Typography>
            {action}
        </Stack>
    </Box>
);
