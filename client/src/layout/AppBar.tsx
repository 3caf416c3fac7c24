import { Box, Typography } from '@mui/material';
import BalanceIcon from '@mui/icons-material/Balance';
import { LoadingIndicator, AppBar as RaAppBar, TitlePortal, useTranslate } from 'react-admin';
import { ShortcutsButton } from '../shortcuts/ShortcutsButton';
import { RoleChip } from './RoleChip';
import { UserMenu } from './UserMenu';

/** The product name, the title of the current page, then who is signed in and their role. */
export const AppBar = () => {
    const translate = useTranslate();
    return (
        // No locales button: the language is chosen in the user menu, and remembered on the server.
        <RaAppBar color="primary" userMenu={<UserMenu />} toolbar={<LoadingIndicator />}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 2 }}>
                <BalanceIcon fontSize="small" />
                <Typography
                    variant="subtitle1"
                    component="span"
                    sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}
                >
                    {translate('app.name')}
                </Typography>
            </Box>
            <Box sx={{ width: '1px', height: 20, bgcolor: 'rgba(255,255,255,0.4)', mr: 2 }} />
            <TitlePortal variant="subtitle1" />
            <RoleChip />
            <ShortcutsButton />
        </RaAppBar>
    );
};
