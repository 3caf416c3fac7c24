import { Grid, Stack } from '@mui/material';
import { Show } from 'react-admin';
import { DisputeCaseCard } from './DisputeCaseCard';
import { DisputeClaimCard } from './DisputeClaimCard';
import { DisputeEvidence } from './evidence/DisputeEvidence';
import { DisputeMessages } from '../messages/DisputeMessages';
import { DisputePartyCards } from './DisputePartyCards';
import { DisputeTimeline } from './DisputeTimeline';
import { DisputeWorkflowActions } from './DisputeWorkflowActions';
import { DecisionStatusCard } from './ruling/DecisionStatusCard';
import { DisputeLiveBar } from '../live/DisputeLiveBar';
import { useRecordNotFound } from '../common/useRecordNotFound';

/** The case file: state and SLA on top; claim and timeline; order and parties beside them. */
export const DisputeShow = () => (
    <Show
        component="div"
        queryOptions={useRecordNotFound()}
        actions={<DisputeWorkflowActions />}
        sx={{ '& .RaShow-main': { mt: 1 } }}
    >
        <Stack spacing={2}>
            <DisputeLiveBar />
            <DisputeCaseCard />
            <Grid container spacing={2}>
                <Grid size={{ xs: 12, lg: 8 }}>
                    <Stack spacing={2}>
                        <DisputeClaimCard />
                        <DisputeEvidence />
                        <DisputeMessages />
                        <DisputeTimeline />
                    </Stack>
                </Grid>
                <Grid size={{ xs: 12, lg: 4 }}>
                    <Stack spacing={2}>
                        <DecisionStatusCard />
                        <DisputePartyCards />
                    </Stack>
                </Grid>
            </Grid>
        </Stack>
    </Show>
);
