import { useEffect } from 'react';
import { Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import BalanceIcon from '@mui/icons-material/Balance';
import { useCheckAuth, useNavigate, useTranslate } from 'react-admin';
import { useBrowserLocale } from '../i18n/useStaffLocale';
import { LoginForm } from './LoginForm';

/** The sign-in screen: product name, what it is for, and the form. */
export const LoginPage = () => {
    const translate = useTranslate();
    const checkAuth = useCheckAuth();
    const navigate = useNavigate();
    useBrowserLocale();

    // Someone already signed in (another tab, a reload) goes straight to work.
    useEffect(() => {
        checkAuth({}, false)
            .then(() => navigate('/'))
            .catch(() => undefined);
    }, [checkAuth, navigate]);

    return (
        <Box
            component="main"
            sx={{
                minHeight: '100vh',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                p: 2,
                background: (theme) =>
                    `linear-gradient(160deg, ${theme.palette.primary.dark} 0%, ${theme.palette.primary.main} 45%, ${theme.palette.background.default} 45%)`,
            }}
        >
            <Card sx={{ width: '100%', maxWidth: 400 }} elevation={3} variant="elevation">
                <CardContent sx={{ p: 4, '&:last-child': { pb: 3 } }}>
                    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 3 }}>
                        <Box
                            sx={{
                                display: 'grid',
                                placeItems: 'center',
                                width: 44,
                                height: 44,
                                borderRadius: '50%',
                                bgcolor: 'primary.main',
                                color: 'primary.contrastText',
                            }}
                        >
                            <BalanceIcon />
                        </Box>
                        <Box>
                            <Typography variant="h5" component="h1" sx={{ fontWeight: 700, lineHeight: 1.2 }}>
                                {translate('app.name')}
                            </Typography>
                            <Typography variant="body2" color="text.secondary">
                                {translate('app.auth.tagline')}
                            </Typography>
                        </Box>
                    </Stack>
                    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 2 }}>
                        {translate('app.auth.sign_in_title')}
                    </Typography>
                    <LoginForm />
                    <Divider sx={{ my: 2.5 }} />
                    <Typography variant="caption" color="text.secondary" component="p">
                        {translate('app.auth.footer')}
                    </Typography>
                </CardContent>
            </Card>
        </Box>
    );
};
