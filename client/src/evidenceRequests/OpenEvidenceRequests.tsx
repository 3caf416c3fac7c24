import { useState } from 'react';
import { Alert, Box, Button, Chip, Skeleton, Stack, Typography } from '@mui/material';
import TimerOutlinedIcon from '@mui/icons-material/TimerOutlined';
import { useGetList, useLocale, useTranslate } from 'react-admin';
import { ExactTimeTooltip } from '../common/ExactTimeTooltip';
import { formatDuration } from '../common/relativeTime';
import { useNow } from '../common/useNow';
import type { Dispute, EvidenceRequest } from '../types';
import { CancelEvidenceRequestDialog } from './CancelEvidenceRequestDialog';

const T = 'resources.disputes.evidence_requests';

const Countdown = ({ dueAt }: { dueAt: string }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const now = useNow(15_000);
    const due = new Date(dueAt);
    const left = due.getTime() - now.getTime();
    return (
        <ExactTimeTooltip date={due}>
            <Chip
                size="small"
                icon={<TimerOutlinedIcon />}
                color={left < 0 ? 'error' : left < 24 * 3_600_000 ? 'warning' : 'default'}
                variant="outlined"
                label={translate(left < 0 ? `${T}.overdue` : `${T}.due_in`, {
                    duration: formatDuration(left, locale),
                })}
                data-testid="request-countdown"
            />
        </ExactTimeTooltip>
    );
};

const RequestRow = ({ request, mayCancel }: { request: EvidenceRequest; mayCancel: boolean }) => {
    const translate = useTranslate();
    const [cancelling, setCancelling] = useState(false);
    const answered = (['buyer', 'seller'] as const).filter((party) =>
        party === 'buyer' ? request.buyerAnswered : request.sellerAnswered
    );
    return (
        <Box
            component="li"
            sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}
            data-testid="open-request"
        >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {translate(`${T}.from`, {
                        target: translate(`enums.evidenceTarget.${request.requestedFrom}`),
                    })}
                </Typography>
                <Countdown dueAt={request.dueAt} />
                {answered.map((party) => (
                    <Chip
                        key={party}
                        size="small"
                        color="success"
                        variant="outlined"
                        label={translate(`${T}.answered`, { party: translate(`enums.party.${party}`) })}
                    />
                ))}
                <Box sx={{ flex: 1 }} />
                {mayCancel && (
                    <Button size="small" color="error" onClick={() => setCancelling(true)}>
                        {translate(`${T}.cancel.action`)}
                    </Button>
                )}
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                {request.message}
            </Typography>
            {cancelling && (
                <CancelEvidenceRequestDialog request={request} onClose={() => setCancelling(false)} />
            )}
        </Box>
    );
};

/** The dispute's open evidence requests, each with a live countdown to its deadline. */
export const OpenEvidenceRequests = ({ record, mayCancel }: { record: Dispute; mayCancel: boolean }) => {
    const translate = useTranslate();
    const { data, isPending, error } = useGetList<EvidenceRequest>('evidence-requests', {
        filter: { disputeId: record.id, status: 'open' },
        sort: { field: 'dueAt', order: 'ASC' },
        pagination: { page: 1, perPage: 50 },
    });
    if (isPending) return <Skeleton height={48} />;
    if (error) return <Alert severity="error">{translate(`${T}.error`)}</Alert>;
    if (!data?.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate(`${T}.empty`)}
            </Typography>
        );
    }
    return (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="open-requests">
            {data.map((request) => (
                <RequestRow key={request.id} request={request} mayCancel={mayCancel} />
            ))}
        </Box>
    );
};
