import type { Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config';

/**
 * The Content-Security-Policy the built SPA runs under: its own scripts only; inline styles,
 * because MUI (emotion) writes its styles into <style> elements at run time; evidence images and
 * videos from the API; no framing, no plugins, no foreign forms.
 */
export function contentSecurityPolicy(config: Pick<Config, 'cookieSecure'>) {
    return {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        // Only behind HTTPS: a plain-HTTP deployment (the demo) would lose its own subresources.
        'upgrade-insecure-requests': config.cookieSecure ? [] : null,
    };
}

/** What helmet is asked for: our CSP, no framing, no referrer, HSTS only when served over HTTPS. */
export function helmetOptions(config: Pick<Config, 'cookieSecure'>): HelmetOptions {
    return {
        contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
        frameguard: { action: 'deny' },
        referrerPolicy: { policy: 'no-referrer' },
        strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000 } : false,
    };
}

/**
 * Security headers on every response (helmet), HSTS only when served over HTTPS. Nothing in them
 * depends on the request (no nonce), so helmet is asked once, at start-up, which headers it sets and
 * removes, and each response gets that list: helmet's chain of a dozen middlewares, and its
 * re-validation of every CSP directive, no longer run on every request.
 */
export function securityHeaders(config: Pick<Config, 'cookieSecure'>): RequestHandler {
    const helmetMiddleware = helmet(helmetOptions(config));
    const set: [name: string, value: string][] = [];
    const removed: string[] = [];
    const recorder = {
        setHeader: (name: string, value: string) => set.push([name, value]),
        removeHeader: (name: string) => removed.push(name),
    };
    let failure: unknown = 'helmet did not finish synchronously';
    helmetMiddleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
        failure = error;
    });
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    return (_req, res, next) => {
        for (const [name, value] of set) res.setHeader(name, value);
        for (const name of removed) res.removeHeader(name);
        next();
    };
}

/** Personal data is not kept in any cache: every API answer is `no-store` unless a route says otherwise. */
export const noStore: RequestHandler = (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
};
