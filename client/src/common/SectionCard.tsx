import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';

/** A titled block of a case file. */
export const SectionCard = ({
    title,
    icon,
    action,
    children,
    ...rest
}: {
    title: ReactNode;
    icon?: ReactNode;
    action?: ReactNode;
    children: ReactNode;
    'data-testid'?: string;
}) => (
    <Card {...rest}>
        <Box
            sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 1,
                px: 2,
                py: 1,
                borderBottom: 1,
                borderColor: 'divider',
                color: 'text.secondary',
            }}
        >
            {icon}
            <Typography
                variant="subtitle2"
                component="h2"
                sx={{ flex: 1, textTransform: 'uppercase', fontSize: 12 }}
            >
                {title}
            </Typography>
            {action}
        </Box>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>{children}</CardContent>
    </Card>
);
