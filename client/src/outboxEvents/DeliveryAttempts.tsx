import { Box, Chip, Typography } from '@mui/material';
import { DataTable, NumberField, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { RelativeDateField } from '../common/RelativeDateField';
import type { WebhookDelivery } from './outboxTypes';

const Column = DataTable.Col<WebhookDelivery>;

const ResponseStatusField = (_props: { source?: string; label?: string }) => {
    const delivery = useRecordContext<WebhookDelivery>();
    const translate = useTranslate();
    if (!delivery) return null;
    const status = delivery.responseStatus;
    const ok = status !== null && status >= 200 && status < 300;
    return (
        <Chip
            size="small"
            variant="outlined"
            color={ok ? 'success' : 'error'}
            label={status ?? translate('resources.webhook-deliveries.no_answer')}
            data-testid="delivery-status"
        />
    );
};

/** The receiver's answer (already truncated by the server), or the error when there was none. */
const AnswerField = (_props: { source?: string; label?: string }) => {
    const delivery = useRecordContext<WebhookDelivery>();
    if (!delivery) return null;
    const text = delivery.error ?? delivery.responseBody ?? '';
    if (!text)
        return (
            <Typography variant="body2" color="text.secondary">
                —
            </Typography>
        );
    return (
        <Box
            component="pre"
            title={text}
            sx={{
                m: 0,
                fontSize: 12,
                maxWidth: 420,
                maxHeight: 72,
                overflow: 'hidden',
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
                color: delivery.error ? 'error.main' : undefined,
            }}
        >
            {text.length > 400 ? `${text.slice(0, 400)}…` : text}
        </Box>
    );
};

/** Each attempt to deliver the event in context, newest first. */
export const DeliveryAttempts = () => {
    const translate = useTranslate();
    return (
        <ReferenceManyField
            reference="webhook-deliveries"
            target="outboxEventId"
            sort={{ field: 'attempt', order: 'DESC' }}
            perPage={50}
            empty={
                <Typography variant="body2" color="text.secondary" data-testid="deliveries-empty">
                    {translate('resources.webhook-deliveries.empty')}
                </Typography>
            }
        >
            <DataTable bulkActionButtons={false} rowClick={false} data-testid="delivery-attempts">
                <Column source="attempt" />
                <Column source="attemptedAt">
                    <RelativeDateField source="attemptedAt" />
                </Column>
                <Column source="responseStatus">
                    <ResponseStatusField />
                </Column>
                <Column source="durationMs" align="right">
                    <NumberField
                        source="durationMs"
                        options={{ style: 'unit', unit: 'millisecond', unitDisplay: 'short' }}
                    />
                </Column>
                <Column source="responseBody" disableSort>
                    <AnswerField />
                </Column>
            </DataTable>
        </ReferenceManyField>
    );
};
