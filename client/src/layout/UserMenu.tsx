import { Box, Divider, Typography } from '@mui/material';
import { Logout, UserMenu as RaUserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { enumLabelKey } from '../common/enums';
import { useStaffLocale } from '../i18n/useStaffLocale';
import { LanguageMenu } from './LanguageMenu';
import { RevokeOtherSessionsMenuItem } from './RevokeOtherSessionsMenuItem';

/** Who is signed in (name, email, role), their language, then the ways out: other sessions, this one. */
export const UserMenu = () => {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    useStaffLocale();
    return (
        // The button shows the name: its accessible name must contain it.
        <RaUserMenu label={identity ? `${translate('ra.auth.user_menu')}: ${identity.fullName}` : undefined}>
            {identity && (
                <Box sx={{ px: 2, pt: 1, pb: 1.5, minWidth: 220 }} data-testid="user-menu-identity">
                    <Typography variant="caption" color="text.secondary">
                        {translate('app.auth.signed_in_as')}
                    </Typography>
                    <Typography variant="subtitle2">{identity.fullName}</Typography>
                    <Typography variant="body2" color="text.secondary">
                        {identity.email}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.auth.role', { role: translate(enumLabelKey('role', identity.role)) })}
                    </Typography>
                </Box>
            )}
            {identity && <Divider />}
            {identity && <LanguageMenu />}
            {identity && <RevokeOtherSessionsMenuItem />}
            <Logout />
        </RaUserMenu>
    );
};
