import type { ReactNode } from 'react';
import { Avatar, Box, Typography } from '@mui/material';
import { RelativeDateField } from '../../common/RelativeDateField';

/** One dated entry of the timeline: a coloured dot with an icon, a headline, details. */
export const TimelineItem = ({
    icon,
    color,
    title,
    at,
    meta,
    children,
    kind,
}: {
    icon: ReactNode;
    color: string;
    title: ReactNode;
    at: string;
    meta?: ReactNode;
    children?: ReactNode;
    kind: string;
}) => (
    <Box component="li" sx={{ display: 'flex', gap: 1.5, position: 'relative', pb: 2 }} data-kind={kind}>
        <Box
            sx={{
                position: 'absolute',
                left: 15,
                top: 32,
                bottom: 0,
                borderLeft: 2,
                borderColor: 'divider',
                'li:last-of-type > &': { display: 'none' },
            }}
        />
        <Avatar sx={{ width: 32, height: 32, bgcolor: color, '& svg': { fontSize: 18 } }}>{icon}</Avatar>
        <Box sx={{ flex: 1, minWidth: 0, pt: 0.5 }}>
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {title}
                </Typography>
                {meta}
                <Box sx={{ flex: 1 }} />
                <Typography variant="caption" color="text.secondary" component="span">
                    <RelativeDateField source="at" record={{ id: 0, at }} />
                </Typography>
            </Box>
            {children && <Box sx={{ mt: 0.5 }}>{children}</Box>}
        </Box>
    </Box>
);

/** A block of free text written by a person. */
export const TimelineText = ({ children, tone }: { children: ReactNode; tone?: 'internal' }) => (
    <Typography
        variant="body2"
        sx={{
            whiteSpace: 'pre-wrap',
            p: 1,
            borderRadius: 1,
            bgcolor: tone === 'internal' ? 'rgba(237, 108, 2, 0.08)' : 'action.hover',
            borderLeft: tone === 'internal' ? 3 : 0,
            borderColor: 'warning.main',
        }}
    >
        {children}
    </Typography>
);
