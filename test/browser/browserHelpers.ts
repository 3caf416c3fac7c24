/**
 * What browser tests share: the real server (built SPA, fresh demo database) and a headless
 * Chromium. A test starts both in beforeAll and stops them in afterAll.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';
const STARTUP_TIMEOUT_MS = 240_000;

/** Demo accounts created by the seed (listed in the README). */
export const DEMO_PASSWORD = 'dispute-desk-demo';
export const DEMO_STAFF = {
    support: 'support@example.com',
    mediator: 'mediator@example.com',
    mediator2: 'mediator2@example.com',
    supervisor: 'supervisor@example.com',
} as const;

export interface RunningServer {
    baseUrl: string;
    dataDir: string;
    /** What the server printed, for failure messages. */
    output(): string;
    stop(): Promise<void>;
}

function buildClientIfMissing() {
    if (fs.existsSync(path.join(ROOT, 'client/dist/index.html'))) return;
    execFileSync('npm', ['run', 'build:client'], { cwd: ROOT, stdio: 'inherit' });
}

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address() as net.AddressInfo;
            probe.close(() => resolve(port));
        });
    });
}

function exited(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
    });
}

/** Sends a signal to the server and everything it spawned (npx → tsx → node). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
    try {
        process.kill(-child.pid!, signal);
    } catch {
        // Already gone.
    }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string) {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Date.now() < deadline) {
        if (child.exitCode !== null)
            throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
        try {
            const response = await fetch(`${baseUrl}/health`);
            if (response.status === 200) return;
        } catch {
            // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`The server did not become healthy in ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * Builds the SPA when client/dist is missing, then starts `npx tsx server/src/index.ts` on a free
 * port with a fresh SQLite database in a temporary DATA_DIR (seeded with the demo data on start).
 * `env` overrides the environment: DATABASE_URL for a PostgreSQL database (seeded only when it
 * has no staff yet, so a second process on it starts without seeding).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
    buildClientIfMissing();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispute-desk-browser-'));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn('npx', ['tsx', 'server/src/index.ts'], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    let log = '';
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    const output = () => log;
    const stop = async () => {
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
        await exited(child);
        clearTimeout(timer);
        fs.rmSync(dataDir, { recursive: true, force: true });
    };
    try {
        await waitForHealth(baseUrl, child, output);
    } catch (error) {
        await stop();
        throw error;
    }
    return { baseUrl, dataDir, output, stop };
}

/** Debian's headless Chromium. */
export async function launchBrowser(): Promise<Browser> {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    return chromium.launch({
        executablePath: CHROMIUM,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
        ],
    });
}

/**
 * Opens a session for a browser context through POST /api/auth/login (the cookie lands in the
 * context's jar), for tests that are not about the sign-in screen itself.
 */
export async function signInThroughApi(
    context: BrowserContext,
    baseUrl: string,
    email: string,
    password = DEMO_PASSWORD
): Promise<void> {
    const response = await context.request.post(`${baseUrl}/api/auth/login`, { data: { email, password } });
    if (!response.ok()) {
        throw new Error(`Sign-in of ${email} failed: ${response.status()} ${await response.text()}`);
    }
}

/**
 * Signs in through the real login page: the page must show it (open the app first; it redirects
 * there). Types the email and password, presses Enter, and waits until the app has left the login
 * page. For a sign-in meant to fail, see the login page's error instead.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.waitForURL(/#\/login/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

/** The server and Chromium of a test file. */
export interface ServerAndBrowser {
    readonly server: RunningServer;
    readonly browser: Browser;
}

/** Starts the server and Chromium before the file's tests; stops both after them. */
export function serverAndBrowser(): ServerAndBrowser {
    const state: { server?: RunningServer; browser?: Browser } = {};
    beforeAll(async () => {
        state.server = await startServer();
        state.browser = await launchBrowser();
    });
    afterAll(async () => {
        await state.browser?.close();
        await state.server?.stop();
    });
    return {
        get server() {
            return state.server!;
        },
        get browser() {
            return state.browser!;
        },
    };
}

/** The server and a browser context signed in as `email` (through the login page), for a whole file. */
export interface SignedInBrowser {
    readonly server: RunningServer;
    readonly context: BrowserContext;
}

/**
 * Starts the server and Chromium before the file's tests and signs `email` in (the session
 * cookie then serves every page and API call of the context); stops both after them.
 */
export function signedInBrowser(email: string): SignedInBrowser {
    const app = serverAndBrowser();
    let context: BrowserContext | undefined;
    beforeAll(async () => {
        context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${app.server.baseUrl}/`);
        await signIn(page, email);
        await page.close();
    });
    return {
        get server() {
            return app.server;
        },
        get context() {
            return context!;
        },
    };
}

const inFlight = new WeakMap<BrowserContext, Set<Request>>();

/**
 * Requests that may stay open while the page is settled: the live event stream (open for the life
 * of the page) and media, which the browser buffers at its own pace.
 */
const isLongLived = (request: Request) =>
    new URL(request.url()).pathname === '/api/events' ||
    ['eventsource', 'media'].includes(request.resourceType());

/**
 * Follows the requests of a context so that waitForNetworkQuiet() can tell when its pages have
 * settled. Call it right after creating the context.
 */
export function trackNetwork(context: BrowserContext): BrowserContext {
    const pending = new Set<Request>();
    inFlight.set(context, pending);
    context.on('request', (request) => {
        if (!isLongLived(request)) pending.add(request);
    });
    context.on('requestfinished', (request) => pending.delete(request));
    context.on('requestfailed', (request) => pending.delete(request));
    return context;
}

/**
 * Waits until no request of the page's context has been in flight for `quietMs` — what
 * Playwright's 'networkidle' means, which never comes while the live event stream is open.
 */
export async function waitForNetworkQuiet(page: Page, quietMs = 500, timeoutMs = 30_000): Promise<void> {
    const pending = inFlight.get(page.context());
    if (!pending) throw new Error('waitForNetworkQuiet needs trackNetwork(context) first');
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    for (;;) {
        if (pending.size > 0) quietSince = Date.now();
        else if (Date.now() - quietSince >= quietMs) return;
        if (Date.now() > deadline) {
            const urls = [...pending].map((request) => request.url()).join(', ');
            throw new Error(`The network did not settle in ${timeoutMs} ms; in flight: ${urls}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
