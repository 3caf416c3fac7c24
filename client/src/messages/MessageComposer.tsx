import { useState } from 'react';
import { Alert, Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import SendIcon from '@mui/icons-material/Send';
import { useTranslate } from 'react-admin';
import { MESSAGE_VISIBILITIES, type MessageVisibility } from '../../../shared/domain';
import { errorOf, useEvidenceAction } from '../disputes/evidence/useEvidenceAction';
import type { Dispute, Message } from '../types';

const T = 'resources.disputes.messages.composer';

/**
 * The "Answer" form: a visibility and a text. An internal note is set apart (warning colours, a
 * lock, its own button) so that nobody sends a party what was meant for staff.
 */
export const MessageComposer = ({
    record,
    mayNote,
    mayMessage,
    onSent,
    autoFocus = false,
}: {
    record: Dispute;
    mayNote: boolean;
    mayMessage: boolean;
    onSent?: () => void;
    autoFocus?: boolean;
}) => {
    const translate = useTranslate();
    const choices = MESSAGE_VISIBILITIES.filter((value) => (value === 'internal' ? mayNote : mayMessage));
    const [visibility, setVisibility] = useState<MessageVisibility>(choices[0] ?? 'internal');
    const [body, setBody] = useState('');
    const internal = visibility === 'internal';
    const { mutate, isPending, error, reset } = useEvidenceAction<Message>(
        internal ? `${T}.note_saved` : `${T}.sent`,
        () => {
            setBody('');
            onSent?.();
        }
    );
    const refused = errorOf(error);
    if (choices.length === 0) return null;
    const recipients =
        visibility === 'both'
            ? `${translate('enums.party.buyer')}, ${translate('enums.party.seller')}`
            : visibility !== 'internal'
              ? translate(`enums.party.${visibility}`)
              : '';
    const submit = () => {
        if (body.trim())
            mutate((dataProvider) => dataProvider.postMessage(record.id, visibility, body.trim()));
    };
    return (
        <Box
            component="form"
            onSubmit={(event) => {
                event.preventDefault();
                submit();
            }}
            data-testid="message-composer"
            data-internal={internal}
            sx={{
                p: 1.5,
                borderRadius: 1,
                border: 1,
                borderColor: internal ? 'warning.main' : 'divider',
                bgcolor: internal ? 'rgba(237, 108, 2, 0.06)' : undefined,
            }}
        >
            <Stack spacing={1.5}>
                <TextField
                    select
                    size="small"
                    label={translate(`${T}.visibility`)}
                    value={visibility}
                    onChange={(event) => {
                        setVisibility(event.target.value as MessageVisibility);
                        reset();
                    }}
                    sx={{ maxWidth: 260 }}
                    slotProps={{
                        select: { SelectDisplayProps: { 'data-testid': 'message-visibility' } as object },
                    }}
                >
                    {choices.map((value) => (
                        <MenuItem key={value} value={value} data-testid={`visibility-${value}`}>
                            {translate(`enums.visibility.${value}`)}
                        </MenuItem>
                    ))}
                </TextField>
                <TextField
                    label={translate(internal ? `${T}.body_internal` : `${T}.body`)}
                    value={body}
                    onChange={(event) => setBody(event.target.value)}
                    onKeyDown={(event) => {
                        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
                    }}
                    multiline
                    minRows={3}
                    autoFocus={autoFocus}
                    color={internal ? 'warning' : 'primary'}
                    error={!!refused?.fields.body}
                    helperText={
                        refused?.fields.body ??
                        (internal
                            ? translate(`${T}.internal_help`)
                            : translate(`${T}.party_help`, { recipients }))
                    }
                    slotProps={{ htmlInput: { 'data-testid': 'message-body', maxLength: 5000 } }}
                />
                {refused && <Alert severity="error">{refused.message}</Alert>}
                <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
                    <Button
                        type="submit"
                        variant="contained"
                        color={internal ? 'warning' : 'primary'}
                        startIcon={internal ? <LockOutlinedIcon /> : <SendIcon />}
                        disabled={!body.trim()}
                        loading={isPending}
                        data-testid="message-send"
                    >
                        {translate(internal ? `${T}.send_note` : `${T}.send`)}
                    </Button>
                </Box>
            </Stack>
        </Box>
    );
};
