import { useState, type MouseEvent } from 'react';
import { Box, Dialog, DialogContent, DialogTitle, IconButton, Tooltip } from '@mui/material';
import ReplyIcon from '@mui/icons-material/Reply';
import { useRecordContext, useTranslate } from 'react-admin';
import { useEvidencePermissions } from '../disputes/evidence/useEvidencePermissions';
import type { Dispute } from '../types';
import { MessageComposer } from './MessageComposer';

/** From a list row: the "Answer" composer in a dialog, on the dispute in context. */
export const AnswerButton = () => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { message, note } = useEvidencePermissions(record);
    if (!record || !(message || note)) return null;
    const label = translate('resources.disputes.messages.answer');
    return (
        <Box component="span" onClick={(event: MouseEvent) => event.stopPropagation()}>
            <Tooltip title={label}>
                <IconButton size="small" aria-label={label} onClick={() => setOpen(true)}>
                    <ReplyIcon fontSize="small" />
                </IconButton>
            </Tooltip>
            {open && (
                <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="sm">
                    <DialogTitle>
                        {translate('resources.disputes.messages.composer.title', { id: record.id })}
                    </DialogTitle>
                    <DialogContent>
                        <Box sx={{ pt: 1 }}>
                            <MessageComposer
                                record={record}
                                mayMessage={message}
                                mayNote={note}
                                onSent={() => setOpen(false)}
                                autoFocus
                            />
                        </Box>
                    </DialogContent>
                </Dialog>
            )}
        </Box>
    );
};
