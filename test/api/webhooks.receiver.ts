import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { WebhookEventType } from '../../shared/domain';
import type { AppContext } from '../../server/src/appContext';
import { writeTransaction } from '../../server/src/db/transaction';
import { OutboxEvent, WebhookDelivery } from '../../server/src/entities';
import { enqueue } from '../../server/src/outbox/outbox';
import type { TestApp } from '../helpers/testApp';

export const SECRET = 'whsec-test-secret';

/** One request as the marketplace's endpoint received it, and whether its signature held. */
export interface Receipt {
    id: string;
    timestamp: number;
    signatureValid: boolean;
    body: {
        id: string;
        type: string;
        timestamp: string;
        audience: string | null;
        data: Record<string, unknown>;
    };
    contentType: string | undefined;
    /** The outbox event id (from `evt_<id>`). */
    eventId: number;
    receivedAt: number;
}

/** What the receiver does with a request: answer with a status, after an optional delay and, if given, once `heldUntil` settles. */
export type Answer = { status: number; delayMs?: number; heldUntil?: Promise<unknown>; body?: string };

export interface Receiver {
    url: string;
    receipts: Receipt[];
    answer: (receipt: Receipt) => Answer;
    /** Requests started but not answered yet. */
    inFlight(): number;
    close(): Promise<void>;
}

/** Checks a Standard Webhooks signature the way a receiver would (constant-time compare). */
export function verifySignature(secret: string, id: string, timestamp: string, body: string, header: string) {
    const expected = createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest();
    return header.split(' ').some((part) => {
        const [version, mac] = part.split(',');
        if (version !== 'v1' || !mac) return false;
        const given = Buffer.from(mac, 'base64');
        return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** A real HTTP endpoint on port 0 that records and verifies every delivery. */
export async function startReceiver(secret = SECRET): Promise<Receiver> {
    let pending = 0;
    const receiver: Receiver = {
        url: '',
        receipts: [],
        answer: () => ({ status: 204 }),
        inFlight: () => pending,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
    const server = http.createServer((req, res) => {
        pending++;
        // Answered, or given up by the sender (a timeout): no longer in flight.
        res.on('close', () => pending--);
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const id = String(req.headers['webhook-id']);
            const timestamp = String(req.headers['webhook-timestamp']);
            const receipt: Receipt = {
                id,
                timestamp: Number(timestamp),
                signatureValid: verifySignature(
                    secret,
                    id,
                    timestamp,
                    raw,
                    String(req.headers['webhook-signature'] ?? '')
                ),
                body: JSON.parse(raw),
                contentType: req.headers['content-type'],
                eventId: Number(id.replace(/^evt_/, '')),
                receivedAt: Date.now(),
            };
            receiver.receipts.push(receipt);
            const answer = receiver.answer(receipt);
            const reply = () => {
                if (res.destroyed) return;
                res.writeHead(answer.status, { 'content-type': 'text/plain' });
                res.end(answer.body ?? (answer.status < 300 ? '' : 'receiver says no'));
            };
            const held = answer.heldUntil ?? Promise.resolve();
            setTimeout(() => void held.then(reply, reply), answer.delayMs ?? 0);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    return receiver;
}

export function contextOf(ctx: TestApp, dataSource: DataSource = ctx.dataSource): AppContext {
    return { dataSource, reads: ctx.reads, config: ctx.config, clock: ctx.clock };
}

/** Queues events as a change would (`enqueue` in a transaction); returns them in id order. */
export async function queueEvents(
    ctx: TestApp,
    events: { disputeId: number | null; type?: WebhookEventType; audience?: 'buyer' | 'seller' | null }[]
): Promise<OutboxEvent[]> {
    const at = ctx.clock.now();
    const before = await ctx.dataSource.getRepository(OutboxEvent).maximum('id');
    await writeTransaction(ctx.dataSource, (tx) =>
        enqueue(
            tx,
            events.map((e, i) => ({
                type: e.type ?? 'dispute.closed',
                disputeId: e.disputeId,
                audience: e.audience ?? null,
                payload: { disputeId: e.disputeId, n: i, outcome: 'full_refund' },
            })),
            at
        )
    );
    return ctx.dataSource
        .getRepository(OutboxEvent)
        .createQueryBuilder('e')
        .where('e.id > :before', { before: before ?? 0 })
        .orderBy('e.id', 'ASC')
        .getMany();
}

export function storedEvent(ctx: TestApp, id: number): Promise<OutboxEvent> {
    return ctx.dataSource.getRepository(OutboxEvent).findOneByOrFail({ id });
}

export function deliveriesOf(ctx: TestApp, outboxEventId: number): Promise<WebhookDelivery[]> {
    return ctx.dataSource
        .getRepository(WebhookDelivery)
        .find({ where: { outboxEventId }, order: { id: 'ASC' } });
}
