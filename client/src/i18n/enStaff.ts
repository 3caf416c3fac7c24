/** Staff management, under `resources.staff.*`. */
import { timestamps } from './enTimestamps';

export const enStaff = {
    name: 'Staff member |||| Staff',
    fields: {
        id: 'Staff member',
        email: 'Email',
        fullName: 'Name',
        role: 'Role',
        active: 'Active',
        lockedUntil: 'Sign-in locked until',
        password: 'Initial password',
        ...timestamps,
    },
    sections: { assigned: 'Assigned disputes' },
    helpers: {
        email: 'The staff member signs in with this address; it cannot be changed later',
        password: 'At least %{min} characters; share it privately and ask for a reset after first use',
        active: 'Inactive staff cannot sign in',
        self: 'You cannot change your own role or deactivate yourself',
    },
    deactivate: {
        title: 'Deactivate %{name}?',
        content:
            '%{name} will no longer be able to sign in, and every open session of theirs ends as soon as you save. Disputes assigned to them stay assigned until a supervisor reassigns them.',
        confirm: 'Deactivate',
    },
    reset_password: {
        button: 'Reset password',
        title: 'Reset the password of %{name}',
        intro: 'The new password takes effect at once; every open session of %{name} ends and any lockout is lifted.',
        password: 'New password',
        confirmation: 'Repeat the new password',
        too_short: 'At least %{min} characters',
        mismatch: 'The two passwords differ',
        submit: 'Set new password',
        done: 'Password of %{name} reset; their sessions have ended',
    },
    revoke_sessions: {
        button: 'Sign out everywhere',
        title: 'Sign out %{name} everywhere?',
        content:
            'Every open session of %{name} ends at once, on every browser and device; they can sign in again with their password.',
        confirm: 'Sign out everywhere',
        done: 'Ended %{smart_count} session of %{name} |||| Ended %{smart_count} sessions of %{name}',
    },
    notifications: {
        created: 'Staff member created',
        updated: 'Staff member updated',
    },
};
