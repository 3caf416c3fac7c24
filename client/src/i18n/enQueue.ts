/** The escalation queue and "My cases", under `resources.queue.*`. */
export const enQueue = {
    name: 'Queue |||| Queue',
    title: 'Escalation queue',
    tabs: {
        queue: 'Queue',
        mine: 'My cases',
    },
    fields: {
        actions: 'Actions',
        parties: 'Buyer / seller',
    },
    actions: {
        next_case: 'Next case',
    },
    next_case_hint: 'Take the most urgent dispute that matches the filters and open it (shortcut: N)',
    total: 'dispute waits for a mediator |||| disputes wait for a mediator',
    matching: '%{count} matches the filters |||| %{count} match the filters',
    facets: {
        goods: 'Goods',
        reason: 'Reason',
        currency: 'Currency',
        buyer: 'Buyer',
        country: 'Buyer country',
        age: 'Waiting',
    },
    flagged: {
        true: 'Flagged buyer',
        false: 'Not flagged',
    },
    age_over: 'Over %{smart_count} day |||| Over %{smart_count} days',
    empty: {
        title: 'The queue is empty',
        text: 'Every escalated dispute has a mediator. New escalations appear here, most urgent first.',
    },
    no_match: {
        title: 'No dispute in the queue matches these filters',
        text: 'Widen or clear the filters to see the whole queue.',
        clear: 'Clear filters',
    },
    mine: {
        title: 'My cases',
        empty: 'You hold no cases',
        empty_text: 'Take the next case from the queue: the most urgent one comes first.',
    },
    notifications: {
        taken: 'Dispute #%{id} is yours: it is now in review',
        no_match: 'No dispute matches these filters',
    },
};
