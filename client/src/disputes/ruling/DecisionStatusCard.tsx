import { Alert, Box, Chip, Divider, Link, Skeleton, Stack, Typography } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import LocalShippingOutlinedIcon from '@mui/icons-material/LocalShippingOutlined';
import {
    RecordContextProvider,
    ResourceContextProvider,
    useCreatePath,
    useGetList,
    useLocale,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { formatMoney } from '../../../../shared/money';
import { DecisionActions } from '../../decisions/DecisionActions';
import { SectionCard } from '../../common/SectionCard';
import type { Decision, Dispute, Refund } from '../../types';
import { DecisionDetails } from './DecisionDetails';
import { RefundDetails } from './RefundDetails';
import { RuleButton } from './RuleButton';

const T = 'resources.disputes.ruling.status';

/** The states in which a dispute is, or has been, before a mediator for a ruling. */
const RULING_STATUSES: readonly string[] = [
    'in_review',
    'awaiting_evidence',
    'pending_approval',
    'decided',
    'closed',
];

/**
 * Decision and refund on the dispute page: the current ruling (status, outcome, amount, approver,
 * comments, what it supersedes), earlier rulings, the refund and whether it is overdue or waits for
 * the return; a supervisor's approve / reject / overturn.
 */
export const DecisionStatusCard = () => {
    const dispute = useRecordContext<Dispute>();
    const translate = useTranslate();
    const locale = useLocale();
    const createPath = useCreatePath();
    const enabled = !!dispute;
    const decisions = useGetList<Decision>(
        'decisions',
        {
            filter: { disputeId: dispute?.id },
            sort: { field: 'id', order: 'DESC' },
            pagination: { page: 1, perPage: 50 },
        },
        { enabled }
    );
    const refunds = useGetList<Refund>(
        'refunds',
        {
            filter: { disputeId: dispute?.id },
            sort: { field: 'id', order: 'DESC' },
            pagination: { page: 1, perPage: 20 },
        },
        { enabled }
    );
    if (!dispute) return null;
    const [current, ...earlier] = decisions.data ?? [];
    const refundList = refunds.data ?? [];
    if (
        !decisions.isPending &&
        !current &&
        refundList.length === 0 &&
        !RULING_STATUSES.includes(dispute.status)
    ) {
        return null;
    }
    const currentRefund = current
        ? refundList.find((refund) => refund.decisionId === current.id)
        : refundList[0];
    const waitingForReturn =
        current?.status === 'issued' &&
        current.returnRequired &&
        !currentRefund &&
        dispute.status === 'decided';
    return (
        <SectionCard
            title={translate(`${T}.title`)}
            icon={<GavelIcon fontSize="small" />}
            action={<RuleButton variant="outlined" testId="rule-open-card" />}
            data-testid="decision-status"
        >
            {decisions.isPending || refunds.isPending ? (
                <Stack spacing={1} aria-busy="true">
                    <Skeleton variant="text" width="40%" />
                    <Skeleton variant="rounded" height={64} />
                </Stack>
            ) : decisions.error || refunds.error ? (
                <Alert severity="error">{translate(`${T}.error`)}</Alert>
            ) : (
                <Stack spacing={2}>
                    {current ? (
                        <ResourceContextProvider value="decisions">
                            <RecordContextProvider value={current}>
                                <DecisionDetails decision={current} />
                            </RecordContextProvider>
                        </ResourceContextProvider>
                    ) : (
                        <Typography variant="body2" color="text.secondary" data-testid="decision-none">
                            {translate(dispute.status === 'in_review' ? `${T}.none_in_review` : `${T}.none`)}
                        </Typography>
                    )}
                    {current && <DecisionActions decision={current} dispute={dispute} />}
                    {waitingForReturn && (
                        <Alert
                            severity="info"
                            icon={<LocalShippingOutlinedIcon />}
                            data-testid="waiting-for-return"
                        >
                            {translate(`${T}.waiting_for_return`, {
                                payer: translate(
                                    `enums.party.${current.returnShippingPaidBy ?? 'buyer'}`
                                ).toLowerCase(),
                            })}
                        </Alert>
                    )}
                    {currentRefund && (
                        <>
                            <Divider />
                            <ResourceContextProvider value="refunds">
                                <RecordContextProvider value={currentRefund}>
                                    <RefundDetails refund={currentRefund} />
                                </RecordContextProvider>
                            </ResourceContextProvider>
                        </>
                    )}
                    {earlier.length > 0 && (
                        <Box>
                            <Divider sx={{ mb: 1 }} />
                            <Typography variant="caption" color="text.secondary" component="h3">
                                {translate(`${T}.earlier`)}
                            </Typography>
                            <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
                                {earlier.map((decision) => (
                                    <Stack
                                        component="li"
                                        key={decision.id}
                                        direction="row"
                                        spacing={1}
                                        sx={{ alignItems: 'center' }}
                                    >
                                        <Link
                                            href={`#${createPath({ resource: 'decisions', id: decision.id, type: 'show' })}`}
                                            variant="body2"
                                        >
                                            #{decision.id}
                                        </Link>
                                        <Chip
                                            size="small"
                                            variant="outlined"
                                            label={translate(`enums.decisionStatus.${decision.status}`)}
                                        />
                                        <Typography variant="body2" color="text.secondary">
                                            {translate(`enums.outcome.${decision.outcome}`)} ·{' '}
                                            {formatMoney(decision.refundAmount, decision.currency, locale)}
                                        </Typography>
                                    </Stack>
                                ))}
                            </Stack>
                        </Box>
                    )}
                </Stack>
            )}
        </SectionCard>
    );
};
