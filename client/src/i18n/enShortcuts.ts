/** English strings of the "shortcuts" area (top-level key `shortcuts`). */
export const enShortcuts = {
    button: 'Keyboard shortcuts (?)',
    dialog: {
        title: 'Keyboard shortcuts',
        intro: 'Keys work when you are not typing in a field and no dialog is open.',
        close: 'Close',
    },
    groups: {
        list: 'In the list',
        case: 'On the case page',
        global: 'Everywhere',
    },
    keys: { enter: 'Enter' },
    actions: {
        help: 'Show this list of shortcuts',
        next_row: 'Select the next case',
        previous_row: 'Select the previous case',
        next_row_button: 'Next case (J)',
        previous_row_button: 'Previous case (K)',
        open: 'Open the selected case',
        pick_up: 'Pick up the selected case',
        next_case: 'Take the next case of the queue',
        request_evidence: 'Request evidence',
        message: 'Write a message',
        rule: 'Open the ruling form',
        approve: 'Approve the ruling',
        reject: 'Reject the ruling',
    },
};
