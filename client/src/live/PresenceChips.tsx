import { Avatar, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Viewer } from '../../../shared/live';

const initials = (name: string) =>
    name
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 2)
        .map((part) => part[0]!.toUpperCase())
        .join('');

/** The other staff members who have this case open right now. */
export const PresenceChips = ({ viewers }: { viewers: Viewer[] }) => {
    const translate = useTranslate();
    if (viewers.length === 0) return null;
    return (
        <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ alignItems: 'center', flexWrap: 'wrap' }}
            data-testid="dispute-presence"
            aria-live="polite"
        >
            <Typography variant="body2" color="text.secondary">
                {translate('live.presence.label')}
            </Typography>
            {viewers.map((viewer) => (
                <Tooltip
                    key={viewer.staffId}
                    title={translate('live.presence.viewer', {
                        name: viewer.fullName,
                        role: translate(`enums.role.${viewer.role}`),
                    })}
                >
                    <Chip
                        size="small"
                        variant="outlined"
                        color="info"
                        avatar={<Avatar>{initials(viewer.fullName)}</Avatar>}
                        label={viewer.fullName}
                        data-viewer={viewer.staffId}
                    />
                </Tooltip>
            ))}
        </Stack>
    );
};
