/** Hand-over actions on a dispute (pick up, release, assign), under `resources.disputes.*`. */
export const enDisputeWorkflow = {
    actions: {
        pick_up: 'Pick up',
        release: 'Release',
        assign: 'Assign',
        reassign: 'Reassign',
    },
    dialogs: {
        pick_up: {
            title: 'Pick up dispute #%{id}?',
            content: 'It will be assigned to you and move to In review. Its SLA clock keeps running.',
        },
        release: {
            title: 'Release dispute #%{id}?',
            content:
                '%{name} will no longer hold it: it goes back to the escalation queue, unassigned, for any mediator to pick up. Its SLA clock keeps running.',
        },
        assign: {
            title: 'Assign dispute #%{id}',
            content:
                'The staff member you choose holds the dispute from now on and is the one to rule on it.',
            staff: 'Assign to',
            current: 'holds it now',
            no_staff: 'No active mediator or supervisor',
        },
        reassign: {
            title: 'Reassign dispute #%{id}',
            content: '%{name} holds it now. The staff member you choose takes it over, with its history.',
        },
    },
    notifications: {
        picked_up: 'Dispute #%{id} is yours: it is now in review',
        released: 'Dispute #%{id} is back in the queue',
        assigned: 'Dispute #%{id} is now held by %{name}',
    },
};
