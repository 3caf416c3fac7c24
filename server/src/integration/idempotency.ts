import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { IsNull, QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../../../shared/schemas/integration';
import type { AppContext } from '../appContext';
import { writeTransaction } from '../db/transaction';
import { IdempotencyKey } from '../entities';
import { badRequest, HttpError, unprocessable } from '../http/HttpError';

/** What a route answers: stored with the key and replayed for a retry. */
export interface Outcome {
    status: number;
    body: unknown;
}

export interface IdempotentRoute<I> {
    /** Reads and validates the request; its 400s do not use up the key. */
    parse(req: Request): I;
    /** Does the work, inside the transaction that also stores the answer under the key. */
    run(manager: EntityManager, input: I, req: Request): Promise<Outcome>;
}

/** How long a retry waits for a first request with the same key to finish before a 409. */
const IN_PROGRESS_WAIT_MS = 10_000;
const POLL_MS = 25;
/** A key still in progress after this long belongs to a request that died: its work rolled back. */
const ABANDONED_AFTER_MS = 5 * 60_000;

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** JSON with sorted keys, so that `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
        .filter((k) => object[k] !== undefined)
        .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(object[k])}`).join(',')}}`;
}

/** SHA-256 of method, path and canonical body: what "the same request" means. */
export function requestHash(req: Request): string {
    const path = req.originalUrl.split('?')[0];
    return createHash('sha256')
        .update(`${req.method} ${path}\n${canonical(req.body ?? {})}`)
        .digest('hex');
}

function idempotencyKeyOf(req: Request): string {
    const key = req.get('idempotency-key');
    if (!key || !key.trim()) {
        throw badRequest('Every POST needs an Idempotency-Key header', { 'Idempotency-Key': 'is required' });
    }
    if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
        const why = `must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`;
        throw badRequest(`The Idempotency-Key header ${why}`, { 'Idempotency-Key': why });
    }
    return key;
}

function isUniqueViolation(err: unknown): boolean {
    if (!(err instanceof QueryFailedError)) return false;
    const driverError = err.driverError as { code?: string; message?: string } | undefined;
    return (
        driverError?.code === '23505' ||
        (driverError?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(driverError.message ?? ''))
    );
}

/** Thrown when an abandoned claim was taken over by a retry: this attempt must not take effect. */
class ClaimLost extends HttpError {
    constructor() {
        super(409, 'A request with this Idempotency-Key is still in progress; retry later');
    }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// On SQLite every query shares one connection, so even a read goes through the write queue:
// outside it, it could see another request's uncommitted answer.
function findKey(dataSource: DataSource, scope: string, key: string): Promise<IdempotencyKey | null> {
    return writeTransaction(dataSource, (m) => m.getRepository(IdempotencyKey).findOneBy({ scope, key }));
}

/** Forgets a claim that produced no answer, so that the request may be sent again. */
function forget(dataSource: DataSource, id: number): Promise<unknown> {
    return writeTransaction(dataSource, (m) =>
        m.getRepository(IdempotencyKey).delete({ id, responseStatus: IsNull() })
    );
}

async function store(manager: EntityManager, id: number, status: number, text: string): Promise<void> {
    const result = await manager
        .getRepository(IdempotencyKey)
        .update({ id, responseStatus: IsNull() }, { responseStatus: status, responseBody: text });
    if (result.affected !== 1) throw new ClaimLost();
}

type Claim = { id: number; replay?: undefined } | { replay: { status: number; text: string } };

/**
 * Takes the key for this request (its own transaction: a unique violation means someone has it),
 * or finds the answer to replay. Waits while a first request with the key is still running.
 */
async function claim(context: AppContext, scope: string, key: string, hash: string): Promise<Claim> {
    const { dataSource, clock } = context;
    const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
    for (;;) {
        try {
            const id = await writeTransaction(dataSource, async (m) => {
                const row = { scope, key, requestHash: hash, createdAt: clock.now() };
                const result = await m.getRepository(IdempotencyKey).insert(row);
                return Number(result.identifiers[0].id);
            });
            return { id };
        } catch (err) {
            if (!isUniqueViolation(err)) throw err;
        }
        for (;;) {
            const existing = await findKey(dataSource, scope, key);
            if (!existing) break;
            if (existing.requestHash !== hash) {
                throw unprocessable(
                    `Idempotency-Key "${key}" was already used for a different request on this route`,
                    { 'Idempotency-Key': 'was used with another body' }
                );
            }
            if (existing.responseStatus !== null) {
                return { replay: { status: existing.responseStatus, text: existing.responseBody ?? 'null' } };
            }
            if (clock.now().getTime() - new Date(existing.createdAt).getTime() > ABANDONED_AFTER_MS) {
                await forget(dataSource, existing.id);
                break;
            }
            if (Date.now() > deadline) throw new ClaimLost();
            await sleep(POLL_MS);
        }
    }
}

function send(res: Response, status: number, text: string, replayed: boolean): void {
    if (replayed) res.set(REPLAYED_HEADER, 'true');
    res.status(status).type('application/json').send(text);
}

/**
 * Wraps a POST route: requires an Idempotency-Key, runs the route once per key (scoped to the
 * route) and answers retries with the stored first answer. A different body under a used key
 * is 422; an answer of 5xx is not stored, so the request may be retried.
 */
export function idempotent<I>(context: AppContext, route: IdempotentRoute<I>): RequestHandler {
    const { dataSource } = context;
    return async (req, res) => {
        const key = idempotencyKeyOf(req);
        const input = route.parse(req);
        const scope = `${req.method} ${req.baseUrl}${req.route.path}`;
        const taken = await claim(context, scope, key, requestHash(req));
        if (taken.replay) return send(res, taken.replay.status, taken.replay.text, true);
        const id = taken.id;
        try {
            const answer = await writeTransaction(dataSource, async (manager) => {
                const outcome = await route.run(manager, input, req);
                const text = JSON.stringify(outcome.body);
                await store(manager, id, outcome.status, text);
                return { status: outcome.status, text };
            });
            send(res, answer.status, answer.text, false);
        } catch (err) {
            if (err instanceof ClaimLost) throw err;
            if (!(err instanceof HttpError) || err.status >= 500) {
                await forget(dataSource, id);
                throw err;
            }
            // A refusal changed nothing; it is the answer to this key all the same.
            const text = JSON.stringify({
                message: err.message,
                ...(err.errors ? { errors: err.errors } : {}),
            });
            await writeTransaction(dataSource, (manager) => store(manager, id, err.status, text));
            if (err.headers) res.set(err.headers);
            send(res, err.status, text, false);
        }
    };
}
