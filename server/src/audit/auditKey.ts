import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file in DATA_DIR that keeps the generated key when AUDIT_KEY is not set. */
export const AUDIT_KEY_FILE = 'audit.key';

/** Shorter keys are refused at start-up: the chain is only as strong as its key. */
const MIN_KEY_LENGTH = 32;

const keys = new Map<string, Buffer>();

/**
 * The HMAC key of the audit chain: `AUDIT_KEY` when set; else the key kept in DATA_DIR/audit.key,
 * generated (64 hex digits, file mode 0600) on first use, which is said once on the console.
 * Every process that writes one database must use the same key.
 */
export function auditKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
    const configured = env.AUDIT_KEY;
    if (configured !== undefined && configured !== '') {
        if (configured.length < MIN_KEY_LENGTH) {
            throw new Error(
                `AUDIT_KEY must be at least ${MIN_KEY_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`
            );
        }
        return Buffer.from(configured, 'utf8');
    }
    const file = path.join(path.resolve(dataDir), AUDIT_KEY_FILE);
    const known = keys.get(file);
    if (known) return known;
    const key = Buffer.from(readOrCreateKey(file), 'utf8');
    keys.set(file, key);
    return key;
}

function readOrCreateKey(file: string): string {
    try {
        return readKey(file);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(32).toString('hex');
    try {
        // 'wx': of two processes starting at once, one creates the file and the other reads it.
        fs.writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKey(file);
        throw error;
    }
    console.warn(
        `AUDIT_KEY is not set: generated an audit chain key and kept it in ${file} (mode 0600). ` +
            'Set AUDIT_KEY in production, the same in every server process.'
    );
    return generated;
}

function readKey(file: string): string {
    const key = fs.readFileSync(file, 'utf8').trim();
    if (key.length < MIN_KEY_LENGTH) throw new Error(`${file} does not hold an audit key`);
    return key;
}
