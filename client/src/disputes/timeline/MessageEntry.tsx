import { Chip } from '@mui/material';
import ChatBubbleOutlineIcon from '@mui/icons-material/ChatBubbleOutline';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { useTranslate } from 'react-admin';
import { MessageLanguageChip } from '../../messages/MessageLanguageChip';
import type { Message } from '../../types';
import { TimelineItem, TimelineText } from './TimelineItem';

const COLOR = { buyer: '#1976d2', seller: '#2e7d32', staff: '#6a4c93', system: '#757575' };

export const MessageEntry = ({ message, at }: { message: Message; at: string }) => {
    const translate = useTranslate();
    const author =
        message.authorKind === 'staff' && message.authorName
            ? message.authorName
            : translate(`enums.authorKind.${message.authorKind}`);
    const internal = message.visibility === 'internal';
    return (
        <TimelineItem
            kind="message"
            icon={<ChatBubbleOutlineIcon />}
            color={COLOR[message.authorKind] ?? COLOR.system}
            title={translate('resources.disputes.timeline.message', { author })}
            at={at}
            meta={
                <>
                    <Chip
                        size="small"
                        variant="outlined"
                        color={internal ? 'warning' : 'default'}
                        icon={internal ? <LockOutlinedIcon /> : undefined}
                        label={translate(`enums.visibility.${message.visibility}`)}
                    />
                    <MessageLanguageChip language={message.language} />
                </>
            }
        >
            <TimelineText tone={internal ? 'internal' : undefined}>{message.body}</TimelineText>
        </TimelineItem>
    );
};
