import { useRef, useState } from 'react';
import { Box, Button, Stack } from '@mui/material';
import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import ReplyIcon from '@mui/icons-material/Reply';
import { useRecordContext, useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';
import { useEvidencePermissions } from '../disputes/evidence/useEvidencePermissions';
import { KeyHint } from '../shortcuts/KeyHint';
import { useShortcut } from '../shortcuts/useShortcut';
import type { Dispute } from '../types';
import { MessageComposer } from './MessageComposer';
import { MessageThread } from './MessageThread';

/** The dispute page's conversation: the thread, and the "Answer" composer for staff who may write. */
export const DisputeMessages = () => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const { message, note } = useEvidencePermissions(record);
    const [composing, setComposing] = useState(false);
    const composer = useRef<HTMLDivElement>(null);
    const mayWrite = message || note;
    // Opens the composer (it focuses itself), or focuses the open one.
    useShortcut(
        'm',
        () =>
            composing
                ? composer.current?.querySelector<HTMLElement>('[data-testid="message-body"]')?.focus()
                : setComposing(true),
        !!record && mayWrite,
        'shortcuts.actions.message'
    );
    if (!record) return null;
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
                        aria-keyshortcuts="M"
                    >
                        {translate('resources.disputes.messages.answer')}
                        <KeyHint shortcut="m" />
                    </Button>
                ) : undefined
            }
            data-testid="dispute-messages"
        >
            <Stack spacing={2}>
                <MessageThread record={record} />
                {mayWrite && composing && (
                    <Box ref={composer}>
                        <MessageComposer record={record} mayMessage={message} mayNote={note} autoFocus />
                    </Box>
                )}
            </Stack>
        </SectionCard>
    );
};
