import { Stack } from '@mui/material';
import { AnswerButton } from '../messages/AnswerButton';
import { RequestEvidenceButton } from '../evidenceRequests/RequestEvidenceButton';

/** From the list, without opening the case: ask for evidence, answer the parties. */
export const DisputeRowActions = (_props: { source?: string }) => (
    <Stack direction="row" spacing={0.5}>
        <RequestEvidenceButton compact />
        <AnswerButton />
    </Stack>
);
