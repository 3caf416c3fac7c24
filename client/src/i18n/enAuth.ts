/** Sign-in, identity and access strings, under `app.auth.*`. */
export const enAuth = {
    tagline: 'Marketplace dispute mediation',
    sign_in_title: 'Staff sign-in',
    email: 'Email',
    password: 'Password',
    sign_in: 'Sign in',
    signing_in: 'Signing in…',
    show_password: 'Show password',
    hide_password: 'Hide password',
    email_required: 'Enter your work email',
    password_required: 'Enter your password',
    wrong_credentials: 'Email or password is incorrect',
    email_invalid: 'Enter a valid email address',
    locked_out:
        'Too many failed sign-ins: try again in %{smart_count} minute |||| Too many failed sign-ins: try again in %{smart_count} minutes',
    offline: 'The server cannot be reached; check your connection and try again',
    footer: 'For marketplace staff only. Every sign-in is recorded.',
    access_denied: 'Access denied: %{reason}',
    session_ended: 'Your session has ended (signed out, expired or revoked); sign in again',
    signed_in_as: 'Signed in as',
    role: 'Role: %{role}',
    revoke_others: {
        menu: 'Sign out other sessions',
        title: 'Sign out your other sessions?',
        content:
            'Every other browser and device where you are signed in is signed out at once. This one stays signed in.',
        confirm: 'Sign out others',
        done: 'Signed out %{smart_count} other session |||| Signed out %{smart_count} other sessions',
    },
};
