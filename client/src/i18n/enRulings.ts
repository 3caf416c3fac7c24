/**
 * Rulings, four-eyes answers, refunds and webhook deliveries (issue 10): merged into the catalogue
 * by en.ts — `resources.disputes.ruling`, `resources.decisions.*`, `resources.refunds.*`,
 * `resources.outbox-events`, `resources.webhook-deliveries` and `enums.outboxStatus`.
 */

const ruling = {
    action: 'Rule',
    title: 'Rule on dispute #%{id}',
    subtitle: '%{product} · order total %{total} · %{reason}',
    review: 'Review the ruling',
    back: 'Back to the form',
    submit: 'Issue the ruling',
    submit_for_approval: 'Send for approval',
    shortcut: 'Ctrl+Enter: next step',
    form: {
        amount: 'Refund',
        amount_help: 'From 0 to the order total, %{total}',
        quick: 'Quick amounts',
        quick_full: 'Full',
        quick_percent: '%{percent} %',
        quick_none: 'None',
        slider: 'Refund as a percentage of the order total',
        return: 'The buyer must return the goods first',
        return_paid_by: 'Return shipping paid by',
        return_not_received: 'No return: the buyer never received the goods.',
        return_no_refund: 'No return for a ruling of no refund.',
        rationales: 'Rationales',
        template: 'Fill from the template',
        rationale_buyer: 'Rationale for the buyer',
        rationale_seller: 'Rationale for the seller',
        rationale_help_buyer: 'Only the buyer reads this.',
        rationale_help_seller: 'Only the seller reads this.',
        counter: '%{count} characters',
        counter_short: '%{count} / at least %{min}',
        evidence: 'Evidence relied on (%{count} selected)',
        evidence_empty: 'No evidence on file.',
        evidence_meta: '%{kind} from the %{party} · %{review}',
    },
    errors: {
        amount_required: 'Enter the refund amount',
        amount_invalid: 'Not an amount in the order currency',
        amount_above_total: 'Must be at most the order total',
    },
    guidance: {
        title: 'Guidance',
        error: 'The guidance could not be loaded. %{message}',
        use: 'Use',
        requested: 'The buyer asked for',
        last_offer: 'The seller’s last offer',
        no_offer: 'No offer from the seller',
        rule_of_thumb: 'Rule of thumb (guidance, never a cap)',
        rule_of_thumb_text: 'Sellers commonly agree up to %{percent} % (%{amount})',
        precedents: '%{smart_count} precedent |||| %{smart_count} precedents',
        precedents_none: 'Precedents',
        precedents_scope:
            'Same reason and receipt, order total within ±%{percent} % (%{min} – %{max}), newest first',
        no_precedents: 'No similar decided dispute yet.',
        median: 'Median refund: %{percent} %',
        yours: 'this ruling: %{percent} %',
        far: 'This ruling is %{points} points or more away from the precedents’ median: you will be asked to confirm it.',
        open_precedent: 'Open dispute #%{id} in a new tab',
    },
    confirm: {
        title: 'Confirm the ruling on dispute #%{id}',
        buyer_receives: 'The buyer (%{name}) receives',
        seller_receives: 'The seller (%{name}) receives',
        buyer_money: {
            full_refund: 'A full refund of %{amount} to the original payment method (%{destination}).',
            partial_refund: 'A partial refund of %{amount} to the original payment method (%{destination}).',
            no_refund: 'No refund.',
        },
        seller_money: {
            full_refund: 'The buyer is refunded %{amount}, the whole order.',
            partial_refund: 'The buyer is refunded %{amount} of the order.',
            no_refund: 'The buyer is not refunded.',
        },
        buyer_return:
            'Ship the goods back first (shipping paid by the %{payer}); the refund follows the return’s tracking number.',
        seller_return: 'The goods come back to the seller (shipping paid by the %{payer}).',
        no_return: 'The goods stay with the buyer.',
        evidence: 'Relies on: %{files}',
        no_evidence: 'Relies on no particular piece of evidence.',
        approval_threshold:
            'At or above the four-eyes threshold (%{threshold}): the ruling waits for a supervisor’s approval; nothing reaches the parties before.',
        approval_flagged:
            'The buyer is flagged: the ruling waits for a supervisor’s approval; nothing reaches the parties before.',
        issued_at_once: 'Issued at once: both parties are told and the refund is requested.',
        issued_closes: 'Issued at once: both parties are told and the dispute closes.',
        issued_return:
            'Issued at once: both parties are told; the refund is requested once the buyer ships the goods back.',
        far_confirm: 'I confirm this ruling although it is far from similar disputes.',
    },
    notifications: {
        issued: 'Ruling on dispute #%{id} issued',
        pending_approval: 'Ruling on dispute #%{id} sent for a supervisor’s approval',
    },
    status: {
        title: 'Decision & refund',
        error: 'The ruling could not be loaded.',
        none: 'No ruling yet.',
        none_in_review: 'No ruling yet: the dispute is in review.',
        nothing_sent: 'Nothing has been sent to the parties yet.',
        no_return: 'No return',
        return_paid_by: 'Goods go back, shipping paid by the %{payer}',
        return_shipped: 'shipped back: %{tracking}',
        waiting_for_return:
            'Waiting for the return: the refund is requested once the buyer ships the goods back (shipping paid by the %{payer}).',
        refund: 'Refund',
        earlier: 'Earlier rulings',
    },
    templates: {
        finding: {
            not_received: {
                buyer: 'You reported that %{product} never arrived. We reviewed the tracking history and the evidence both sides sent.',
                seller: 'The buyer reported that %{product} never arrived. We reviewed the tracking history and the evidence both sides sent.',
            },
            defective: {
                buyer: 'You reported that %{product} arrived defective. We reviewed your photos and videos and the seller’s answer.',
                seller: 'The buyer reported that %{product} arrived defective. We reviewed the buyer’s photos and videos and your answer.',
            },
            not_as_described: {
                buyer: 'You reported that %{product} does not match its listing. We compared the listing with the evidence both sides sent.',
                seller: 'The buyer reported that %{product} does not match its listing. We compared the listing with the evidence both sides sent.',
            },
            counterfeit: {
                buyer: 'You reported that %{product} is not genuine. We reviewed the photos, the packaging and the seller’s proof of origin.',
                seller: 'The buyer reported that %{product} is not genuine. We reviewed the buyer’s photos and your proof of origin.',
            },
            wrong_item: {
                buyer: 'You reported that %{product} arrived in the wrong size or colour. We compared your order with what you received.',
                seller: 'The buyer reported that %{product} arrived in the wrong size or colour. We compared the order with what was shipped.',
            },
            damaged_in_transit: {
                buyer: 'You reported that %{product} was damaged in transit. We reviewed the photos of the parcel and its contents.',
                seller: 'The buyer reported that %{product} was damaged in transit. We reviewed the photos of the parcel and its contents.',
            },
            incomplete: {
                buyer: 'You reported that %{product} arrived incomplete. We compared the order with the unboxing evidence.',
                seller: 'The buyer reported that %{product} arrived incomplete. We compared the order with the unboxing evidence.',
            },
        },
        outcome: {
            full_refund: {
                buyer: 'You will receive a full refund of %{amount} to your original payment method.',
                seller: 'The buyer receives a full refund of %{amount}.',
            },
            partial_refund: {
                buyer: 'You will receive a partial refund of %{amount} to your original payment method.',
                seller: 'The buyer receives a partial refund of %{amount}.',
            },
            no_refund: {
                buyer: 'The evidence does not support a refund, so none will be issued.',
                seller: 'The evidence does not support a refund: the buyer is not refunded.',
            },
        },
        return: {
            buyer: 'Please ship the goods back first (return shipping paid by the %{payer}); the refund follows the return’s tracking number.',
            seller: 'The buyer ships the goods back to you (return shipping paid by the %{payer}).',
        },
    },
};

const decisions = {
    fields: {
        approvalComment: 'Approval comment',
        returnTrackingNumber: 'Return tracking number',
        returnCarrier: 'Return carrier',
        returnShippedAt: 'Returned',
        orderTotal: 'Order total',
        reason: 'Reason',
        goodsReceived: 'Goods received',
    },
    approvals: {
        menu: 'Approval queue',
        title: 'Rulings waiting for approval',
        waiting: 'Waiting',
        empty: 'No ruling waits for approval.',
    },
    answer: {
        by: 'ruled by %{name}',
        with_return: 'the goods go back, shipping paid by the %{payer}',
        without_return: 'the goods stay with the buyer',
        approve: 'Approve',
        approve_title: 'Approve ruling #%{id}',
        approve_explanation:
            'Approving issues the ruling: both parties are told and the refund is requested. This moves money.',
        approve_confirm: 'Approve and issue',
        approved: 'Ruling #%{id} approved and issued',
        reject: 'Reject',
        reject_title: 'Reject ruling #%{id}',
        reject_explanation:
            'The dispute goes back to review; the mediator reads your comment on the timeline.',
        reject_confirm: 'Reject',
        rejected: 'Ruling #%{id} rejected',
        overturn: 'Overturn',
        overturn_title: 'Overturn ruling #%{id}',
        overturn_explanation:
            'The ruling no longer stands: the dispute goes back to review (its mediator, or the queue) and both parties are told. The ruling stays in the history.',
        overturn_confirm: 'Overturn',
        overturned: 'Ruling #%{id} overturned',
        comment_optional: 'Comment (optional)',
        comment_required: 'Comment for the mediator',
        reason: 'Reason',
    },
};

const refunds = {
    fields: {
        overdue: 'Overdue',
        overdueAt: 'Overdue',
        reference: 'Payment reference',
    },
    overdue_since: 'Flagged overdue %{when}',
};

const outboxEvents = {
    name: 'Delivery |||| Deliveries',
    title: 'Webhook deliveries',
    fields: {
        id: 'Event',
        type: 'Type',
        disputeId: 'Dispute',
        audience: 'For',
        payload: 'Payload',
        status: 'Status',
        attempts: 'Attempts',
        nextAttemptAt: 'Next attempt',
        lastError: 'Last error',
        deliveredAt: 'Delivered',
        createdAt: 'Queued',
    },
    both: 'Both parties',
    retrying: 'Retrying',
    notConfigured:
        'Webhook delivery is not configured (MARKETPLACE_WEBHOOK_URL is unset): events are queued here and nothing is sent to the marketplace.',
    stalled:
        'Nothing is being delivered: the oldest pending event has been due for %{duration}. Check that the marketplace answers and the server runs its delivery worker.',
    sections: { event: 'Event', payload: 'Payload', attempts: 'Delivery attempts' },
    replay: {
        action: 'Replay',
        title: 'Replay %{type} #%{id}?',
        explanation:
            'Every one of its %{attempts} attempts failed. Replaying queues it again now, with the same webhook-id (the receiver can tell a repeat), and is recorded in the audit log.',
        confirm: 'Replay',
        done: 'Event #%{id} queued again',
    },
};

const webhookDeliveries = {
    name: 'Delivery attempt |||| Delivery attempts',
    fields: {
        attempt: 'Attempt',
        attemptedAt: 'When',
        responseStatus: 'Answer',
        durationMs: 'Duration',
        responseBody: 'Response / error',
        error: 'Error',
    },
    no_answer: 'No answer',
    empty: 'No attempt yet.',
};

export const enRulings = {
    enums: {
        outboxStatus: { pending: 'Pending', delivered: 'Delivered', dead: 'Dead-lettered' },
    },
    resources: {
        disputes: { ruling },
        decisions,
        refunds,
        'outbox-events': outboxEvents,
        'webhook-deliveries': webhookDeliveries,
    },
};

type Catalogue = { [key: string]: string | Catalogue };

/** `base` with `extra`'s messages added at every depth (extra wins on a clash). */
export function mergeMessages<B extends object, E extends object>(base: B, extra: E): B & E {
    const merged: Catalogue = { ...(base as Catalogue) };
    for (const [key, value] of Object.entries(extra as Catalogue)) {
        const current = merged[key];
        merged[key] =
            typeof value === 'object' && typeof current === 'object' ? mergeMessages(current, value) : value;
    }
    return merged as B & E;
}
