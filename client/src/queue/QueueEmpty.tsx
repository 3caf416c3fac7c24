import type { ReactNode } from 'react';
import { Box, Button, Typography } from '@mui/material';
import FilterAltOffOutlinedIcon from '@mui/icons-material/FilterAltOffOutlined';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { useListFilterContext, useTranslate } from 'react-admin';

/** A quiet, centred message in place of an empty list. */
export const EmptyMessage = ({
    icon,
    title,
    text,
    action,
}: {
    icon: ReactNode;
    title: string;
    text?: string;
    action?: ReactNode;
}) => (
    <Box sx={{ textAlign: 'center', py: 6, px: 2, color: 'text.secondary' }} data-testid="empty-message">
        <Box sx={{ '& svg': { fontSize: 48, color: 'text.disabled' } }}>{icon}</Box>
        <Typography variant="h6" component="p" color="text.primary" sx={{ mt: 1 }}>
            {title}
        </Typography>
        {text && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
                {text}
            </Typography>
        )}
        {action && <Box sx={{ mt: 2 }}>{action}</Box>}
    </Box>
);

/** Nobody waits: every escalated dispute has a mediator. */
export const QueueEmpty = () => {
    const translate = useTranslate();
    return (
        <EmptyMessage
            icon={<TaskAltIcon />}
            title={translate('resources.queue.empty.title')}
            text={translate('resources.queue.empty.text')}
        />
    );
};

/** Disputes wait, but none matches the filters. */
export const QueueNoMatch = () => {
    const translate = useTranslate();
    const { setFilters } = useListFilterContext();
    return (
        <EmptyMessage
            icon={<FilterAltOffOutlinedIcon />}
            title={translate('resources.queue.no_match.title')}
            text={translate('resources.queue.no_match.text')}
            action={
                <Button variant="outlined" size="small" onClick={() => setFilters({}, [])}>
                    {translate('resources.queue.no_match.clear')}
                </Button>
            }
        />
    );
};
