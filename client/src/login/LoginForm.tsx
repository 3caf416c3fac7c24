import { useState, type FormEvent } from 'react';
import { Alert, Button, CircularProgress, IconButton, InputAdornment, Stack, TextField } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { useLogin, useTranslate } from 'react-admin';
import type { LoginError } from '../authProvider';

type Field = 'email' | 'password';

/** Email and password; Enter submits; the server's refusal shows above the button. */
export const LoginForm = () => {
    const translate = useTranslate();
    const login = useLogin();
    const [email, setEmail] = useState('');
    const [password, setPassword] = useState('');
    const [showPassword, setShowPassword] = useState(false);
    const [missing, setMissing] = useState<Field[]>([]);
    const [error, setError] = useState<string | null>(null);
    const [submitting, setSubmitting] = useState(false);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        const empty = (['email', 'password'] as Field[]).filter(
            (field) => !{ email, password }[field].trim()
        );
        setMissing(empty);
        if (empty.length > 0) return;
        setSubmitting(true);
        setError(null);
        try {
            await login({ email, password });
        } catch (failure) {
            const { message, messageArgs } = failure as LoginError;
            setError(translate(message || 'ra.auth.sign_in_error', { _: message, ...messageArgs }));
            setPassword('');
            setSubmitting(false);
        }
    };

    return (
        <Stack
            component="form"
            onSubmit={(event) => void submit(event)}
            noValidate
            spacing={2}
            aria-label={translate('app.auth.sign_in_title')}
        >
            <TextField
                label={translate('app.auth.email')}
                name="email"
                type="email"
                autoComplete="username"
                autoFocus
                fullWidth
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                error={missing.includes('email')}
                helperText={missing.includes('email') ? translate('app.auth.email_required') : undefined}
                disabled={submitting}
            />
            <TextField
                label={translate('app.auth.password')}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                fullWidth
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={missing.includes('password')}
                helperText={
                    missing.includes('password') ? translate('app.auth.password_required') : undefined
                }
                disabled={submitting}
                slotProps={{
                    input: {
                        endAdornment: (
                            <InputAdornment position="end">
                                <IconButton
                                    aria-label={translate(
                                        showPassword ? 'app.auth.hide_password' : 'app.auth.show_password'
                                    )}
                                    onClick={() => setShowPassword((shown) => !shown)}
                                    edge="end"
                                    size="small"
                                >
                                    {showPassword ? <VisibilityOffIcon /> : <VisibilityIcon />}
                                </IconButton>
                            </InputAdornment>
                        ),
                    },
                }}
            />
            {error && (
                <Alert severity="error" role="alert" data-testid="login-error">
                    {error}
                </Alert>
            )}
            <Button
                type="submit"
                variant="contained"
                size="large"
                fullWidth
                disabled={submitting}
                startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : undefined}
            >
                {translate(submitting ? 'app.auth.signing_in' : 'app.auth.sign_in')}
            </Button>
        </Stack>
    );
};
