import { Alert, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import { EnumField } from '../../common/EnumField';
import { MoneyField } from '../../common/MoneyField';
import { Property, PropertyList } from '../../common/PropertyList';
import { RelativeDateField } from '../../common/RelativeDateField';
import { useNow } from '../../common/useNow';
import { isRefundOverdue, RefundStatusField } from '../../refunds/RefundStatusField';
import type { Refund } from '../../types';

/** The refund of the current ruling (record context: the refund, resource: refunds). */
export const RefundDetails = ({ refund }: { refund: Refund }) => {
    const translate = useTranslate();
    const now = useNow();
    const overdue = isRefundOverdue(refund, now);
    return (
        <Stack spacing={1} data-testid="refund-status">
            <Typography variant="subtitle2" component="h3">
                {translate('resources.disputes.ruling.status.refund')}
            </Typography>
            <PropertyList>
                <Property source="amount">
                    <MoneyField source="amount" />
                </Property>
                <Property source="status">
                    <RefundStatusField />
                </Property>
                <Property source="destination">
                    <EnumField source="destination" enumName="refundDestination" />
                </Property>
                <Property source="requestedAt">
                    <RelativeDateField source="requestedAt" />
                </Property>
                {refund.completedAt ? (
                    <Property source="completedAt">
                        <RelativeDateField source="completedAt" />
                    </Property>
                ) : (
                    <Property source="dueBy">
                        <RelativeDateField source="dueBy" />
                    </Property>
                )}
            </PropertyList>
            {overdue && (
                <Alert severity="error" data-testid="refund-overdue-alert">
                    {translate('resources.refunds.overdue', { days: DEFAULT_POLICY.refundMaxDays })}
                </Alert>
            )}
        </Stack>
    );
};
