import path from 'node:path';
import express from 'express';
import { loadPolicy, type Policy } from '../../shared/policy';

export interface Config {
    port: number;
    dataDir: string;
    databaseUrl: string | undefined;
    integrationApiKey: string;
    webhookUrl: string | undefined;
    webhookSecret: string;
    cookieSecure: boolean;
    /** Express's `trust proxy` setting: which proxies may tell the client's address (none by default). */
    trustProxy: boolean | number | string;
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
    policy: Policy;
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
        webhookUrl: env.WEBHOOK_URL || undefined,
        webhookSecret: env.WEBHOOK_SECRET || 'dev-webhook-secret',
        cookieSecure: env.COOKIE_SECURE === 'true',
        trustProxy: trustProxy(env.TRUST_PROXY),
        sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30),
        sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12),
        policy: loadPolicy(env),
    };
}
