import { Alert, Box, Skeleton, Stack, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { RelativeDateField } from '../common/RelativeDateField';
import type { Dispute, Message } from '../types';
import { MessageLanguageChip } from './MessageLanguageChip';
import { MessageVisibilityChip } from './MessageVisibilityChip';

const T = 'resources.disputes.messages';
const AUTHOR_COLOR = {
    buyer: 'primary.main',
    seller: 'success.main',
    staff: 'secondary.main',
    system: 'text.secondary',
};

const MessageItem = ({ message }: { message: Message }) => {
    const translate = useTranslate();
    const internal = message.visibility === 'internal';
    const author =
        message.authorKind === 'staff' && message.authorName
            ? message.authorName
            : translate(`enums.authorKind.${message.authorKind}`);
    return (
        <Box
            component="li"
            data-testid="message"
            data-visibility={message.visibility}
            sx={{
                p: 1.5,
                borderRadius: 1,
                bgcolor: internal ? 'rgba(237, 108, 2, 0.08)' : 'action.hover',
                borderLeft: 3,
                borderColor: internal ? 'warning.main' : AUTHOR_COLOR[message.authorKind],
            }}
        >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {author}
                </Typography>
                <MessageVisibilityChip visibility={message.visibility} />
                <MessageLanguageChip language={message.language} />
                <Box sx={{ flex: 1 }} />
                <Typography variant="caption" color="text.secondary">
                    <RelativeDateField source="createdAt" record={message} />
                </Typography>
            </Stack>
            {internal && (
                <Typography variant="caption" color="warning.dark" component="div">
                    {translate(`${T}.internal_badge`)}
                </Typography>
            )}
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {message.body}
            </Typography>
        </Box>
    );
};

/** Every message of the dispute, oldest first, each with who can read it. */
export const MessageThread = ({ record }: { record: Dispute }) => {
    const translate = useTranslate();
    const { data, isPending, error } = useGetList<Message>('messages', {
        filter: { disputeId: record.id },
        sort: { field: 'createdAt', order: 'ASC' },
        pagination: { page: 1, perPage: 200 },
    });
    if (isPending) {
        return (
            <Stack spacing={1}>
                <Skeleton height={56} />
                <Skeleton height={56} />
            </Stack>
        );
    }
    if (error) return <Alert severity="error">{translate(`${T}.error`)}</Alert>;
    if (!data?.length) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate(`${T}.empty`)}
            </Typography>
        );
    }
    return (
        <Stack component="ol" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="message-thread">
            {data.map((message) => (
                <MessageItem key={message.id} message={message} />
            ))}
        </Stack>
    );
};
