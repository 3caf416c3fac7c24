/** English messages of the buyer and seller ratings (issue 11), merged into `resources`. */
export const enRatings = {
    buyers: {
        fields: {
            disputes90dCount: 'Disputes (90 days)',
            disputesCount: 'Disputes (total)',
            disputeRatePermille: 'Dispute rate',
            disputesWonCount: 'Won',
            disputesPartialCount: 'Partial',
            disputesLostCount: 'Lost',
            escalationsCount: 'Escalations',
            penaltyCount: 'Kept open after satisfied',
            score: 'Score',
            score_parts: 'How the score is made',
            rating: 'Marketplace rating',
            blockedAt: 'Blocked',
            blockedById: 'Blocked by',
        },
        score_parts: {
            start: '100 to start with',
            disputeRate: 'for the dispute rate',
            disputesLost: 'for disputes lost',
            disputesPartial: 'for partial outcomes',
            keptOpen: 'for disputes kept open after being satisfied',
            recentDisputes: 'for several disputes within 90 days',
            escalations: 'for escalations',
        },
        block: {
            block: 'Block',
            unblock: 'Unblock',
            block_title: 'Block %{name}?',
            unblock_title: 'Unblock %{name}?',
            block_explanation:
                'A blocked buyer cannot open or reopen disputes: the marketplace is told so (422). Disputes already open go on as they are.',
            unblock_explanation: 'The buyer may open disputes again.',
            reason: 'Reason (kept in the audit log)',
        },
        notifications: {
            blocked: '%{name} is blocked',
            unblocked: '%{name} is unblocked',
        },
    },
    sellers: {
        fields: {
            disputesCount: 'Disputes',
            disputeRatePermille: 'Dispute rate',
            disputesLostCount: 'Lost',
            disputesPartialCount: 'Partial',
            disputesWonCount: 'Won',
            sellerTimeoutCount: 'Seller timeouts',
            offersAcceptedCount: 'Offers accepted',
            score: 'Score',
            score_parts: 'How the score is made',
        },
        score_parts: {
            start: '100 to start with',
            disputeRate: 'for the dispute rate',
            disputesLost: 'for disputes lost',
            disputesPartial: 'for partial outcomes',
            sellerTimeouts: 'for not answering in time',
            offersAccepted: 'for offers the buyer accepted',
        },
    },
};
