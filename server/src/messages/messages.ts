/**
 * Messages on a dispute: a party's through the integration API (which answers the evidence
 * requests asking that party), staff's from the console with a visibility. Party-visible staff
 * messages become one `message.posted` event per recipient; internal notes never leave.
 */
import type { EntityManager } from 'typeorm';
import type { MessageVisibility, Party } from '../../../shared/domain';
import type { IntegrationMessage } from '../../../shared/schemas/evidence';
import { FINAL_STATUSES } from '../../../shared/lifecycle';
import type { DisputeActor } from '../disputes/disputeActor';
import { recordEvent } from '../disputes/recorder';
import { Message, Order, type Dispute } from '../entities';
import { conflict } from '../http/HttpError';
import type { OutboxMessage } from '../outbox/outbox';
import { partyAnswered } from '../evidence/fulfilment';

/** Who receives a message of this visibility. */
export function recipientsOf(visibility: MessageVisibility): Party[] {
    if (visibility === 'both') return ['buyer', 'seller'];
    if (visibility === 'internal') return [];
    return [visibility];
}

/** A party writes only while the dispute is undecided; staff may still explain a ruling after it. */
function assertPartyMayWrite(dispute: Dispute): void {
    if (FINAL_STATUSES.includes(dispute.status))
        throw conflict(
            `Dispute ${dispute.id} is ${dispute.status}: it takes no more messages from the parties`
        );
}

async function insertMessage(tx: EntityManager, values: Omit<Message, 'id'>): Promise<Message> {
    const repo = tx.getRepository(Message);
    const result = await repo.insert(values);
    return repo.findOneByOrFail({ id: Number(result.identifiers[0].id) });
}

/**
 * A party writes on a (locked) dispute: the message (seen by both parties and staff), on the
 * timeline, and counted as that party's answer to the evidence requests asking it.
 */
export async function postPartyMessage(
    tx: EntityManager,
    dispute: Dispute,
    party: Party,
    body: string,
    actor: DisputeActor,
    at: Date
): Promise<Message> {
    assertPartyMayWrite(dispute);
    const message = await insertMessage(tx, {
        disputeId: dispute.id,
        authorKind: party,
        authorStaffId: null,
        visibility: 'both',
        body,
        createdAt: at,
    });
    const after = await recordEvent(tx, dispute, 'party_message', actor, {
        note: `Message from the ${party}`,
        details: { messageId: message.id, party },
        at,
    });
    await partyAnswered(tx, after, party, actor, at);
    return message;
}

/** Staff write on a (locked) dispute: to both parties, to one, or an internal note. */
export async function postStaffMessage(
    tx: EntityManager,
    dispute: Dispute,
    visibility: MessageVisibility,
    body: string,
    actor: DisputeActor,
    at: Date
): Promise<Message> {
    const message = await insertMessage(tx, {
        disputeId: dispute.id,
        authorKind: 'staff',
        authorStaffId: actor.staffId,
        visibility,
        body,
        createdAt: at,
    });
    const recipients = recipientsOf(visibility);
    const outbox: OutboxMessage[] = [];
    if (recipients.length > 0) {
        const order = await tx.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
        for (const party of recipients) {
            outbox.push({
                type: 'message.posted',
                disputeId: dispute.id,
                audience: party,
                payload: {
                    disputeId: dispute.id,
                    messageId: message.id,
                    to: party,
                    order: { externalId: order.externalId, productTitle: order.productTitle },
                    body,
                    sentAt: at.toISOString(),
                },
            });
        }
    }
    await recordEvent(tx, dispute, 'staff_message', actor, {
        note: visibility === 'internal' ? 'Internal note' : `Message to ${recipients.join(' and ')}`,
        details: { messageId: message.id, visibility },
        outbox,
        at,
    });
    return message;
}

/** A party's message as the integration API answers with it. */
export function messageView(message: Message): IntegrationMessage {
    return {
        id: message.id,
        disputeId: message.disputeId,
        authorKind: message.authorKind as Party,
        visibility: message.visibility,
        body: message.body,
        createdAt: new Date(message.createdAt).toISOString(),
    };
}
