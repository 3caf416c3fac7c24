import { Box, Chip, Typography } from '@mui/material';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import { DEFAULT_POLICY } from '../../../shared/policy';
import { formatMoney, percentOf } from '../../../shared/money';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { Property, PropertyList } from '../common/PropertyList';
import { SectionCard } from '../common/SectionCard';
import type { Dispute } from '../types';

/** What the buyer claims: received or not, why, what they ask for, in their words. */
export const DisputeClaimCard = () => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const locale = useLocale();
    if (!record) return null;
    const partial = record.requestedSolution.startsWith('partial');
    const percent = DEFAULT_POLICY.partialRefundGuidancePercent;
    return (
        <SectionCard
            title={translate('resources.disputes.sections.claim')}
            icon={<ReportProblemOutlinedIcon fontSize="small" />}
            data-testid="dispute-claim"
        >
            <Box sx={{ mb: 1.5 }}>
                <Chip
                    size="small"
                    color={record.goodsReceived ? 'info' : 'warning'}
                    label={translate(`enums.goodsReceived.${record.goodsReceived}`)}
                />
            </Box>
            <PropertyList>
                <Property source="reason">
                    <EnumField source="reason" enumName="reason" />
                </Property>
                <Property source="requestedSolution">
                    <EnumField source="requestedSolution" enumName="requestedSolution" />
                </Property>
                <Property source="requestedAmount">
                    <MoneyField source="requestedAmount" />
                    {partial && (
                        <Typography variant="caption" color="text.secondary" component="div">
                            {translate('resources.disputes.guidance', {
                                percent,
                                amount: formatMoney(
                                    percentOf(record.orderTotal, percent),
                                    record.currency,
                                    locale
                                ),
                            })}
                        </Typography>
                    )}
                </Property>
                <Property source="orderTotal">
                    <MoneyField source="orderTotal" />
                </Property>
                {record.reopenCount > 0 && <Property source="reopenCount">{record.reopenCount}</Property>}
            </PropertyList>
            <Typography
                variant="body2"
                sx={{ mt: 2, whiteSpace: 'pre-wrap', bgcolor: 'action.hover', p: 1.5, borderRadius: 1 }}
                data-testid="dispute-description"
            >
                {record.description}
            </Typography>
        </SectionCard>
    );
};
