import { Box, Typography } from '@mui/material';
import { useResourceContext, useTranslate } from 'react-admin';

/** How a score came to be: 100, then each part that moved it (parts of 0 points are left out). */
export const ScoreBreakdown = ({ parts }: { parts: { key: string; points: number }[] }) => {
    const translate = useTranslate();
    const resource = useResourceContext() ?? 'buyers';
    const moved = parts.filter((part) => part.points !== 0);
    return (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="score-breakdown">
            <Typography component="li" variant="body2" color="text.secondary">
                {translate(`resources.${resource}.score_parts.start`)}
            </Typography>
            {moved.map((part) => (
                <Typography component="li" variant="body2" key={part.key}>
                    {part.points > 0 ? `+${part.points}` : part.points}{' '}
                    {translate(`resources.${resource}.score_parts.${part.key}`)}
                </Typography>
            ))}
        </Box>
    );
};
