/** English messages of the decisions audit, QA sampling and mediator quality (issue 11). */
export const enSupervision = {
    supervision: {
        menu: 'Supervision',
        qa: {
            sample: {
                button: 'Random QA sample',
                title: 'Draw a random QA sample',
                explanation:
                    'Decisions issued in the period are picked at random for you to review: never one sampled before, never one of your own rulings.',
                from: 'Issued from',
                to: 'Issued to',
                size: 'How many decisions',
                draw: 'Draw',
                drawn: '1 decision to review |||| %{smart_count} decisions to review',
            },
            verdicts: { agree: 'Agree', disagree: 'Disagree' },
            verdict: {
                answer: 'Answer',
                title: 'Your verdict on decision #%{id}',
                summary: 'Ruled by %{mediator}, a refund of %{percent} % of the order.',
                open_decision: 'Open the decision',
                open_dispute: 'dispute #%{id}',
                comment: 'Comment',
                comment_help: 'Required when you disagree: what should the ruling have been, and why?',
                record: 'Record verdict',
                recorded: 'Verdict recorded',
            },
        },
        quality: {
            title: 'Mediator quality',
            from: 'From',
            to: 'To',
            thresholds:
                'Outliers: refund gap of %{refundGapPoints} points or more, overturn rate %{overturnFactor}× the peers’ or more, QA agreement below %{minAgreementPercent} %',
            empty: 'No decisions were issued in this period.',
            peers: '(peers %{value} %)',
            columns: {
                mediatorName: 'Mediator',
                casesDecided: 'Cases decided',
                medianHoursToDecision: 'Median time to decision',
                slaBreaches: 'SLA breaches',
                refundGapPoints: 'Refund vs peers (points)',
                overturnPercent: 'Overturn rate',
                qaAgreementPercent: 'QA agreement',
                outliers: 'Outliers',
            },
            outliers: {
                refund_gap: 'Refund gap',
                overturn_rate: 'Overturns',
                qa_agreement: 'QA agreement',
            },
            outlier_why: {
                refund_gap:
                    'Refunds %{value} points from the peers’ median for the same reasons (threshold ±%{threshold})',
                overturn_rate: 'Overturn rate %{value} %, at least %{threshold} % (twice the peers’)',
                qa_agreement: 'QA agreement %{value} %, below %{threshold} %',
            },
        },
    },
    resources: {
        'qa-reviews': {
            name: 'QA review |||| QA reviews',
            fields: {
                id: 'Review',
                decisionId: 'Decision',
                disputeId: 'Dispute',
                reviewerId: 'Reviewer',
                reviewerName: 'Reviewer',
                sampleId: 'Sample',
                verdict: 'Verdict',
                comment: 'Comment',
                answered: 'Answered',
                answeredAt: 'Answered',
                createdAt: 'Drawn',
                mediatorId: 'Mediator',
                mediatorName: 'Mediator',
                outcome: 'Outcome',
                reason: 'Reason',
                refundAmount: 'Refund',
                refundPercent: 'Refund %',
                currency: 'Currency',
                decisionStatus: 'Decision status',
                issuedAt: 'Issued',
            },
        },
        'mediator-quality': { name: 'Mediator quality' },
        decisions: {
            fields: {
                reason: 'Reason',
                orderTotal: 'Order total',
                refundPercent: 'Refund %',
                hoursToDecision: 'Hours to decision',
                slaBreached: 'Ruled after the review target',
            },
        },
    },
};
