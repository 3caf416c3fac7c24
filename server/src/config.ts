import path from 'node:path';
import express from 'express';
import { loadPolicy, type Policy } from '../../shared/policy';

export interface Config {
    port: number;
    dataDir: string;
    databaseUrl: string | undefined;
    integrationApiKey: string;
    webhook: WebhookConfig;
    cookieSecure: boolean;
    /** Express's `trust proxy` setting: which proxies may tell the client's address (none by default). */
    trustProxy: boolean | number | string;
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
    policy: Policy;
}

/** Delivery of outbox events to the marketplace (server/src/outbox/deliveryWorker.ts). */
export interface WebhookConfig {
    /** MARKETPLACE_WEBHOOK_URL; unset: nothing is sent and events stay pending. */
    url: string | undefined;
    /** MARKETPLACE_WEBHOOK_SECRET, the HMAC key of the signatures (required with a URL). */
    secret: string;
    /** Seconds to wait after the 1st, 2nd … failed attempt; after the last, the event is dead. */
    retrySeconds: number[];
    timeoutMs: number;
    pollMs: number;
    batchSize: number;
    concurrency: number;
    /** How long a claim lasts: a worker that dies leaves its events retryable after it. */
    leaseSeconds: number;
}

const DEFAULT_RETRY_SECONDS = [5, 30, 120, 600, 3600, 21600];

function retrySeconds(raw: string | undefined): number[] {
    if (raw === undefined || raw.trim() === '') return DEFAULT_RETRY_SECONDS;
    const values = raw.split(',').map((part) => Number(part.trim()));
    if (values.some((v) => !Number.isInteger(v) || v <= 0))
        throw new Error(`WEBHOOK_RETRY_SECONDS must be positive integers separated by commas, got "${raw}"`);
    return values;
}

function webhookConfig(env: NodeJS.ProcessEnv): WebhookConfig {
    const url = env.MARKETPLACE_WEBHOOK_URL?.trim() || undefined;
    if (url !== undefined && !/^https?:\/\//.test(url))
        throw new Error('MARKETPLACE_WEBHOOK_URL must be an http(s) URL');
    const secret = env.MARKETPLACE_WEBHOOK_SECRET ?? '';
    if (url !== undefined && secret === '')
        throw new Error('MARKETPLACE_WEBHOOK_SECRET must be set when MARKETPLACE_WEBHOOK_URL is');
    const timeoutMs = int(env, 'WEBHOOK_TIMEOUT_MS', 10_000);
    const leaseSeconds = int(env, 'WEBHOOK_LEASE_SECONDS', 60);
    // An attempt starts only while its lease outlasts the timeout (deliveryWorker.ts).
    if (leaseSeconds * 1000 < 2 * timeoutMs)
        throw new Error('WEBHOOK_LEASE_SECONDS must be at least twice WEBHOOK_TIMEOUT_MS');
    return {
        url,
        secret,
        retrySeconds: retrySeconds(env.WEBHOOK_RETRY_SECONDS),
        timeoutMs,
        pollMs: int(env, 'WEBHOOK_POLL_MS', 1000),
        batchSize: int(env, 'WEBHOOK_BATCH_SIZE', 50),
        concurrency: int(env, 'WEBHOOK_CONCURRENCY', 8),
        leaseSeconds,
    };
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
    return value;
}

/** TRUST_PROXY in Express's own syntax: `true`, a hop count, or addresses/subnets/`loopback`…. */
function trustProxy(raw: string | undefined): boolean | number | string {
    const value = raw?.trim() ?? '';
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    try {
        express().set('trust proxy', value);
    } catch (err) {
        throw new Error(`TRUST_PROXY must be Express's trust proxy setting: ${(err as Error).message}`);
    }
    return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
    return {
        port: int(env, 'PORT', 3000),
        dataDir: path.resolve(env.DATA_DIR || './data'),
        databaseUrl: env.DATABASE_URL || undefined,
        integrationApiKey: env.INTEGRATION_API_KEY || 'dev-integration-key',
        webhook: webhookConfig(env),
        cookieSecure: env.COOKIE_SECURE === 'true',
        trustProxy: trustProxy(env.TRUST_PROXY),
        sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30),
        sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12),
        policy: loadPolicy(env),
    };
}
