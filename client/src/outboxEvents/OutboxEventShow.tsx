import { Grid, Stack } from '@mui/material';
import OutboxOutlinedIcon from '@mui/icons-material/OutboxOutlined';
import DataObjectIcon from '@mui/icons-material/DataObject';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import { NumberField, Show, TextField, TopToolbar, useTranslate } from 'react-admin';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { JsonField } from '../common/JsonField';
import { Property, PropertyList } from '../common/PropertyList';
import { RelativeDateField } from '../common/RelativeDateField';
import { SectionCard } from '../common/SectionCard';
import { AudienceField } from './AudienceField';
import { DeliveryAttempts } from './DeliveryAttempts';
import { LastErrorField, NextAttemptField } from './deliveryFields';
import { OutboxStatusField } from './OutboxStatusField';
import { ReplayOutboxEventButton } from './ReplayOutboxEventButton';
import { useRecordNotFound } from '../common/useRecordNotFound';

const T = 'resources.outbox-events.sections';

const EventFile = () => {
    const translate = useTranslate();
    return (
        <Stack spacing={2}>
            <Grid container spacing={2}>
                <Grid size={{ xs: 12, md: 5 }}>
                    <SectionCard
                        title={translate(`${T}.event`)}
                        icon={<OutboxOutlinedIcon fontSize="small" />}
                    >
                        <PropertyList>
                            <Property source="type">
                                <TextField source="type" sx={{ fontFamily: 'monospace' }} />
                            </Property>
                            <Property source="audience">
                                <AudienceField />
                            </Property>
                            <Property source="disputeId">
                                <DisputeLinkField />
                            </Property>
                            <Property source="status">
                                <OutboxStatusField />
                            </Property>
                            <Property source="attempts">
                                <NumberField source="attempts" />
                            </Property>
                            <Property source="nextAttemptAt">
                                <NextAttemptField />
                            </Property>
                            <Property source="lastError">
                                <LastErrorField />
                            </Property>
                            <Property source="deliveredAt">
                                <RelativeDateField source="deliveredAt" />
                            </Property>
                            <Property source="createdAt">
                                <RelativeDateField source="createdAt" />
                            </Property>
                        </PropertyList>
                    </SectionCard>
                </Grid>
                <Grid size={{ xs: 12, md: 7 }}>
                    <SectionCard title={translate(`${T}.payload`)} icon={<DataObjectIcon fontSize="small" />}>
                        <JsonField source="payload" />
                    </SectionCard>
                </Grid>
            </Grid>
            <SectionCard
                title={translate(`${T}.attempts`)}
                icon={<SendOutlinedIcon fontSize="small" />}
                data-testid="delivery-attempts-card"
            >
                <DeliveryAttempts />
            </SectionCard>
        </Stack>
    );
};

export const OutboxEventShow = () => (
    <Show
        component="div"
        queryOptions={useRecordNotFound()}
        actions={
            <TopToolbar>
                <ReplayOutboxEventButton />
            </TopToolbar>
        }
    >
        <EventFile />
    </Show>
);
