import { Chip } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { enumLabelKey } from '../common/enums';

/** The signed-in role beside the user menu, so that a supervisor knows they hold more power. */
export const RoleChip = () => {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    if (!identity?.role) return null;
    return (
        <Chip
            size="small"
            label={translate(enumLabelKey('role', identity.role))}
            data-testid="identity-role"
            sx={{
                color: 'inherit',
                bgcolor: 'rgba(255,255,255,0.16)',
                border: '1px solid rgba(255,255,255,0.35)',
                display: { xs: 'none', sm: 'inline-flex' },
            }}
        />
    );
};
