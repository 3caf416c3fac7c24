import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_KEY_FILE, auditKey } from '../../server/src/audit/auditKey';
import { eventHash } from '../../server/src/audit/auditLog';
import { AuditEvent } from '../../server/src/entities';
import { freshAgent } from '../helpers/sessions';
import { createTestApp } from '../helpers/testApp';

const tempDirs: string[] = [];
function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-audit-key-'));
    tempDirs.push(dir);
    return dir;
}
afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the audit chain key', () => {
    it('is generated once when AUDIT_KEY is unset, kept in DATA_DIR/audit.key (mode 0600), and said so once', () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        const dir = tempDir();
        const key = auditKey(dir, {});
        const file = path.join(dir, AUDIT_KEY_FILE);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(fs.readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
        expect(key.toString('utf8')).toBe(fs.readFileSync(file, 'utf8').trim());
        expect(warn).toHaveBeenCalledTimes(1);
        expect(String(warn.mock.calls[0][0])).toContain(
            `AUDIT_KEY is not set: generated an audit chain key and kept it in ${file}`
        );
        expect(auditKey(dir, {}).equals(key)).toBe(true);
        expect(warn).toHaveBeenCalledTimes(1);
    });

    it('is read back from DATA_DIR after a restart, without a message', () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        const dir = tempDir();
        const kept = 'a'.repeat(64);
        fs.writeFileSync(path.join(dir, AUDIT_KEY_FILE), `${kept}\n`, { mode: 0o600 });
        expect(auditKey(dir, {}).toString('utf8')).toBe(kept);
        expect(warn).not.toHaveBeenCalled();
    });

    it('is AUDIT_KEY when set (no file is written), and a key shorter than 32 characters is refused', () => {
        const dir = tempDir();
        const configured = 'configured audit key of this deployment';
        expect(auditKey(dir, { AUDIT_KEY: configured }).toString('utf8')).toBe(configured);
        expect(fs.existsSync(path.join(dir, AUDIT_KEY_FILE))).toBe(false);
        expect(() => auditKey(dir, { AUDIT_KEY: 'too short' })).toThrow(
            /AUDIT_KEY must be at least 32 characters/
        );
    });

    it('signs every event the app writes (HMAC-SHA256 with AUDIT_KEY)', async () => {
        const configured = 'the AUDIT_KEY this test app is configured with';
        vi.stubEnv('AUDIT_KEY', configured);
        const ctx = await createTestApp();
        try {
            const supervisor = await freshAgent(ctx, 'supervisor');
            expect((await supervisor.get('/api/staff')).status).toBe(200);
            expect((await supervisor.get('/api/audit-events/verify')).body).toMatchObject({ ok: true });
            const events = await ctx.dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } });
            expect(events.length).toBeGreaterThan(0);
            for (const event of events) {
                expect(event.hash).toBe(eventHash(event.prevHash, event, Buffer.from(configured)));
                expect(event.hash).not.toBe(eventHash(event.prevHash, event, Buffer.from(`${configured}!`)));
            }
            expect(fs.existsSync(path.join(ctx.config.dataDir, AUDIT_KEY_FILE))).toBe(false);
        } finally {
            vi.unstubAllEnvs();
            await ctx.close();
        }
    });
});
