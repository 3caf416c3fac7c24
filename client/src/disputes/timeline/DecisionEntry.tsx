import { Chip, Stack, Typography } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { MoneyField } from '../../common/MoneyField';
import type { Decision } from '../../types';
import { TimelineItem, TimelineText } from './TimelineItem';

const STATUS_COLOR = {
    draft: 'default',
    pending_approval: 'warning',
    issued: 'success',
    rejected: 'error',
    overturned: 'error',
} as const;

export const DecisionEntry = ({ decision, at }: { decision: Decision; at: string }) => {
    const translate = useTranslate();
    const t = (key: string) => translate(`resources.disputes.timeline.${key}`);
    return (
        <RecordContextProvider value={decision}>
            <TimelineItem
                kind="decision"
                icon={<GavelIcon />}
                color="#1f4e79"
                title={translate('resources.disputes.timeline.decision', {
                    mediator: decision.mediatorName ?? `#${decision.mediatorId}`,
                    outcome: translate(`enums.outcome.${decision.outcome}`),
                })}
                at={at}
                meta={
                    <>
                        <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                            <MoneyField source="refundAmount" />
                        </Typography>
                        <Chip
                            size="small"
                            variant="outlined"
                            color={STATUS_COLOR[decision.status] ?? 'default'}
                            label={translate(`enums.decisionStatus.${decision.status}`)}
                        />
                        {decision.returnRequired && <Chip size="small" label={t('return_required')} />}
                    </>
                }
            >
                <Stack spacing={1}>
                    <Typography variant="caption" color="text.secondary">
                        {t('rationale_buyer')}
                    </Typography>
                    <TimelineText>{decision.rationaleBuyer}</TimelineText>
                    <Typography variant="caption" color="text.secondary">
                        {t('rationale_seller')}
                    </Typography>
                    <TimelineText>{decision.rationaleSeller}</TimelineText>
                    {(decision.overturnReason || decision.rejectionReason) && (
                        <TimelineText tone="internal">
                            {decision.overturnReason ?? decision.rejectionReason}
                        </TimelineText>
                    )}
                </Stack>
            </TimelineItem>
        </RecordContextProvider>
    );
};
