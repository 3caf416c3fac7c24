import type { RequestHandler } from 'express';
import helmet from 'helmet';
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

/** Security headers on every response (helmet), HSTS only when served over HTTPS. */
export function securityHeaders(config: Pick<Config, 'cookieSecure'>): RequestHandler {
    return helmet({
        contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
        frameguard: { action: 'deny' },
        referrerPolicy: { policy: 'no-referrer' },
        strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000 } : false,
    });
}

/** Personal data is not kept in any cache: every API answer is `no-store` unless a route says otherwise. */
export const noStore: RequestHandler = (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
};
