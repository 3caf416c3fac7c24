/**
 * Idempotent POSTs, for the console API and the integration API alike: the route runs once per
 * Idempotency-Key, in the one transaction that also stores its answer; retries get that answer.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../../../shared/schemas/integration';
import type { Policy } from '../../../shared/policy';
import type { AppContext } from '../appContext';
import { AccessDenied } from '../auth/authorize';
import { isUniqueViolation } from '../db/errors';
import { writesSerialized } from '../db/locks';
import { writeTransaction } from '../db/transaction';
import { IdempotencyKey } from '../entities';
import { canonicalJson } from '../lib/canonicalJson';
import { badRequest, HttpError, unprocessable } from './HttpError';

/** What a route answers: stored with the key and replayed for a retry. */
export interface Outcome {
    status: number;
    body: unknown;
}

export interface IdempotentRoute<I, P = undefined> {
    /** Reads and validates the request; its 400s do not use up the key. */
    parse(req: Request): I;
    /**
     * Long work before the key is claimed, outside any transaction (a streamed upload read to
     * disk, say): a 500 MB upload must never hold the SQLite write lock. Its 4xx do not use up the
     * key either. `discard` undoes it when the route does not take effect (a replay, a refusal).
     */
    prepare?(req: Request, input: I): Promise<P>;
    discard?(prepared: P): Promise<void>;
    /** Does the work, inside the transaction that also stores the answer under the key. */
    run(manager: EntityManager, input: I, req: Request, prepared: P): Promise<Outcome>;
}

/** How long a retry waits for a first request with the same key to finish before a 409. */
const IN_PROGRESS_WAIT_MS = 10_000;
const POLL_MS = 25;
/** Seconds a client is told to wait before retrying a key that is really in progress. */
const RETRY_AFTER_SECONDS = 1;

/** This server process: claims carry it, so that a restarted process knows its old claims died. */
export const BOOT_ID = randomUUID();
/** The claims this process is working on right now. */
const inFlight = new Set<number>();

/** Test seam: makes a claim row look like a request this process is still working on. */
export function markInFlight(claimId: number, working = true): void {
    if (working) inFlight.add(claimId);
    else inFlight.delete(claimId);
}

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** SHA-256 of method, path and canonical body: what "the same request" means. */
export function requestHash(req: Request): string {
    const path = req.originalUrl.split('?')[0];
    return createHash('sha256')
        .update(`${req.method} ${path}\n${canonicalJson(req.body ?? {})}`)
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

/** Thrown when an abandoned claim was taken over by a retry: this attempt must not take effect. */
class ClaimLost extends HttpError {
    constructor() {
        super(409, 'A request with this Idempotency-Key is still in progress; retry later', undefined, {
            'Retry-After': String(RETRY_AFTER_SECONDS),
        });
    }
}

/**
 * Whether an unanswered claim belongs to a request that died (its work rolled back with it): one
 * of this process that it is not working on, one of a process that is gone (where one process owns
 * the database, SQLite, any other process is), or one too old for any request still at work.
 */
function isAbandoned(existing: IdempotencyKey, now: Date, policy: Policy): boolean {
    if (existing.bootId === BOOT_ID) return !inFlight.has(existing.id);
    if (writesSerialized) return true;
    // Another process may still be at work on it, but not for long: the work under a claim is one
    // short transaction (long preparation runs before the key is claimed).
    const age = now.getTime() - new Date(existing.createdAt).getTime();
    return age > policy.idempotencyClaimLeaseSeconds * 1000;
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
                const row = { scope, key, requestHash: hash, bootId: BOOT_ID, createdAt: clock.now() };
                const result = await m.getRepository(IdempotencyKey).insert(row);
                const claimed = Number(result.identifiers[0].id);
                inFlight.add(claimed);
                return claimed;
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
            if (isAbandoned(existing, clock.now(), context.config.policy)) {
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
export function idempotent<I, P = undefined>(
    context: AppContext,
    route: IdempotentRoute<I, P>
): RequestHandler {
    const { dataSource } = context;
    return async (req, res) => {
        idempotencyKeyOf(req);
        const input = route.parse(req);
        const prepared = (route.prepare ? await route.prepare(req, input) : undefined) as P;
        let done: Done = { kept: false };
        try {
            done = await runOnce(req, res, input, prepared);
        } finally {
            if (!done.kept && route.prepare && route.discard) await route.discard(prepared);
        }
        // Answered once what was prepared and not kept is gone: after a refusal nothing is left.
        done.reply?.();
    };

    /** Whether the route took effect with what was prepared, and its answer, to send after that. */
    type Done = { kept: boolean; reply?: () => void };
    async function runOnce(req: Request, res: Response, input: I, prepared: P): Promise<Done> {
        const key = idempotencyKeyOf(req);
        const scope = `${req.method} ${req.baseUrl}${req.route.path}`;
        const taken = await claim(context, scope, key, requestHash(req));
        if (taken.replay) {
            const { status, text } = taken.replay;
            return { kept: false, reply: () => send(res, status, text, true) };
        }
        const id = taken.id;
        try {
            const answer = await writeTransaction(dataSource, async (manager) => {
                const outcome = await route.run(manager, input, req, prepared);
                const text = JSON.stringify(outcome.body);
                await store(manager, id, outcome.status, text);
                return { status: outcome.status, text };
            });
            return { kept: answer.status < 300, reply: () => send(res, answer.status, answer.text, false) };
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
            // A permission refusal goes on to the edge that audits it, after this rollback.
            if (err instanceof AccessDenied) throw err;
            if (err.headers) res.set(err.headers);
            return { kept: false, reply: () => send(res, err.status, text, false) };
        } finally {
            inFlight.delete(id);
        }
    }
}
