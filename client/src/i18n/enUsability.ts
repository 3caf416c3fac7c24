/** English strings of the "usability" area (top-level key `usability`). */
export const enUsability = {
    not_found: '%{name} #%{id} does not exist',
    filters: {
        unknown_removed: "Unknown filter '%{name}' was removed",
    },
    timeline: {
        order: 'Order of the entries',
        newest_first: 'Newest first',
        oldest_first: 'Oldest first',
        kinds: 'Show entries of these kinds',
        kind: {
            messages: 'Messages',
            evidence: 'Evidence',
            offers: 'Offers',
            status: 'Status changes',
        },
        all_hidden: 'No entry of the chosen kinds. Choose more kinds above to see them.',
    },
};
