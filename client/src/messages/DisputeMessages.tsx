import { useState } from 'react';
import { Box, Button, Stack } from '@mui/material';
import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import ReplyIcon from '@mui/icons-material/Reply';
import { useRecordContext, useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';
import { useEvidencePermissions } from '../disputes/evidence/useEvidencePermissions';
import type { Dispute } from '../types';
import { MessageComposer } from './MessageComposer';
import { MessageThread } from './MessageThread';

/** The dispute page's conversation: the thread, and the "Answer" composer for staff who may write. */
export const DisputeMessages = () => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const { message, note } = useEvidencePermissions(record);
    const [composing, setComposing] = useState(false);
    if (!record) return null;
    const mayWrite = message || note;
    return (
        <SectionCard
            title={translate('resources.disputes.sections.messages')}
            icon={<ForumOutlinedIcon fontSize="small" />}
            action={
                mayWrite && !composing ? (
                    <Button
                        size="small"
                        startIcon={<ReplyIcon />}
                        onClick={() => setComposing(true)}
                        data-testid="answer"
                    >
                        {translate('resources.disputes.messages.answer')}
                    </Button>
                ) : undefined
            }
            data-testid="dispute-messages"
        >
            <Stack spacing={2}>
                <MessageThread record={record} />
                {mayWrite && composing && (
                    <Box>
                        <MessageComposer record={record} mayMessage={message} mayNote={note} autoFocus />
                    </Box>
                )}
            </Stack>
        </SectionCard>
    );
};
