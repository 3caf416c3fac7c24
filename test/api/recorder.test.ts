import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one path of a dispute change (server/src/disputes/recorder.ts) holds only while nobody
 * writes around it, so this reads the source tree: outside the recorder no module writes
 * `DisputeEvent` rows or changes a dispute row's columns (its status among them).
 */
const SERVER = path.resolve(__dirname, '../../server/src');

/** The recorder, and the SQLite queue claim: one UPDATE whose before-state it hands to the recorder. */
const RECORDER = 'disputes/recorder.ts';
const ONE_STATEMENT_CLAIM = 'queue/queueClaims.ts';

const TIMELINE_WRITES = [
    /getRepository\(\s*DisputeEvent\s*\)\s*\.\s*(insert|save|update|delete|upsert)/,
    /\.into\(\s*DisputeEvent\s*\)/,
    /\b(INSERT|UPDATE|DELETE)\b[^;`]*["`\s]dispute_event\b/i,
    /TABLES\.events\b/,
];
const DISPUTE_WRITES = [
    /\.update\(\s*Dispute\s*\)/,
    /getRepository\(\s*Dispute\s*\)\s*\.\s*(update|save|upsert|increment|decrement)/,
    /\bUPDATE\s+"?dispute"?\s+SET\b/i,
    /\.(update|save)\(\s*Dispute\s*,/,
];

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
        return entry.name.endsWith('.ts') ? [full] : [];
    });
}

/** `file:line pattern` for every line that matches one of the patterns. */
function offences(file: string, text: string, patterns: RegExp[]): string[] {
    return text
        .split('\n')
        .flatMap((line, i) =>
            patterns.filter((p) => p.test(line)).map((p) => `${file}:${i + 1} ${p.source}`)
        );
}

function scan(patterns: RegExp[], allowed: string[]): string[] {
    return sourceFiles(SERVER).flatMap((full) => {
        const file = path.relative(SERVER, full).split(path.sep).join('/');
        if (allowed.includes(file)) return [];
        return offences(file, fs.readFileSync(full, 'utf8'), patterns);
    });
}

describe('the dispute change recorder', () => {
    it('is the only module that writes timeline events', () => {
        expect(scan(TIMELINE_WRITES, [RECORDER])).toEqual([]);
    });

    it('is the only module that changes a dispute row, but for the one-statement claim it records', () => {
        expect(scan(DISPUTE_WRITES, [RECORDER, ONE_STATEMENT_CLAIM])).toEqual([]);
        const claim = fs.readFileSync(path.join(SERVER, ONE_STATEMENT_CLAIM), 'utf8');
        expect(claim).toMatch(/recordWrittenTransition\(/);
    });

    it('finds writes around it (the scan is not blind)', () => {
        const sample = [
            'await manager.getRepository(DisputeEvent).insert({ disputeId: 1 });',
            "await manager.createQueryBuilder().update(Dispute).set({ status: 'closed' }).execute();",
            'await manager.query(`UPDATE "dispute" SET "status" = ?`, [s]);',
            "await tx.getRepository(Dispute).update({ id }, { status: 'closed' });",
            'await manager.query(`INSERT INTO "dispute_event" ("action") VALUES (?)`, [a]);',
        ].join('\n');
        expect(offences('sample.ts', sample, [...TIMELINE_WRITES, ...DISPUTE_WRITES])).toHaveLength(5);
    });
});
