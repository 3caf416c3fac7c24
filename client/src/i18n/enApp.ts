/** Strings of the shell and the shared UI pieces, under `app.*`. */
import { enAuth } from './enAuth';

export const enApp = {
    name: 'Dispute Desk',
    auth: enAuth,
    menu: {
        cases: 'Cases',
        parties: 'Orders & parties',
        administration: 'Administration',
    },
    date: {
        utc: 'UTC',
        local: 'Local',
    },
    sla: {
        left: '%{time} left',
        overdue: '%{time} overdue',
        paused: 'Paused, %{time} left',
        paused_overdue: 'Paused, overdue',
        due_at: 'Review due',
        state: {
            on_track: 'On track',
            due_soon: 'Due soon',
            breached: 'Breached',
            paused: 'Paused: a party owes evidence',
            none: 'No SLA clock',
        },
    },
    filters: {
        from: '%{field} from',
        to: '%{field} to',
        amount_needs_currency: 'Choose a currency first',
    },
    json: {
        empty: 'Nothing recorded',
    },
    language: {
        menu: 'Language',
        written_in: 'Written in %{language}',
        save_failed: 'Your choice of language could not be saved: %{message}',
    },
};
