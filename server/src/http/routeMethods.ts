import type { Application, Request, RequestHandler } from 'express';
import { HttpError } from './HttpError';

/**
 * Marks a handler that exists only to refuse its method (405), so that the method does not count
 * as allowed in `Allow` headers.
 */
export const REFUSES_METHOD = Symbol('refusesMethod');

type Match = false | { path: string };

/** The parts of Express 5's router layers (router@2) read here. */
interface Layer {
    matchers?: ((path: string) => Match)[];
    slash?: boolean;
    method?: string;
    handle?: { stack?: Layer[]; [REFUSES_METHOD]?: boolean };
    route?: { stack: Layer[] };
}

function matchLayer(layer: Layer, path: string): Match {
    if (layer.slash) return { path: '' };
    for (const matcher of layer.matchers ?? []) {
        try {
            const match = matcher(path);
            if (match) return match;
        } catch {
            // A malformed percent-encoding in a parameter: this layer cannot answer it.
        }
    }
    return false;
}

function collect(stack: Layer[], path: string, methods: Set<string>): void {
    for (const layer of stack) {
        if (layer.route) {
            if (!matchLayer(layer, path)) continue;
            for (const handler of layer.route.stack) {
                if (handler.method && !handler.handle?.[REFUSES_METHOD])
                    methods.add(handler.method.toUpperCase());
            }
        } else if (Array.isArray(layer.handle?.stack)) {
            const match = matchLayer(layer, path);
            if (!match) continue;
            const rest = path.slice(match.path.length);
            collect(layer.handle.stack, rest.startsWith('/') ? rest : `/${rest}`, methods);
        }
    }
}

/**
 * The methods the app really answers at a path (its routes, sub-routers included, minus the
 * handlers that only refuse), in the usual order, with HEAD for GET and OPTIONS; empty when no
 * route has that path.
 */
export function allowedMethods(app: Application, path: string): string[] {
    const stack = (app as unknown as { router?: { stack?: Layer[] } }).router?.stack;
    const methods = new Set<string>();
    if (Array.isArray(stack)) collect(stack, path, methods);
    methods.delete('_ALL');
    if (methods.size === 0) return [];
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
    const rank = (method: string) => (order.includes(method) ? order.indexOf(method) : order.length);
    return [...methods].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The path of a request as the router matches it (no query string). */
export function requestPath(req: Request): string {
    return req.originalUrl.split('?')[0];
}

/** `Allow` of the request's path, for a 405 answer. */
export function allowHeader(req: Request): string {
    return allowedMethods(req.app, requestPath(req)).join(', ');
}

/**
 * Answers `OPTIONS` with 204 and the `Allow` header of the path (Express would list only the
 * methods of the innermost router, refusals included); an unknown path falls through to 404.
 */
export const answerOptions: RequestHandler = (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const methods = allowedMethods(req.app, requestPath(req));
    if (methods.length === 0) return next();
    res.set('Allow', methods.join(', ')).status(204).end();
};

/**
 * The last handler: 405 with `Allow` when the path exists for other methods, else 404; JSON both
 * times (never Express's HTML page, never the SPA).
 */
export const unmatchedRoute: RequestHandler = (req, _res, next) => {
    const path = requestPath(req);
    const methods = allowedMethods(req.app, path);
    if (methods.length > 0 && !methods.includes(req.method)) {
        return next(
            new HttpError(
                405,
                `${path} does not take ${req.method}; it takes ${methods.join(', ')}`,
                undefined,
                {
                    Allow: methods.join(', '),
                }
            )
        );
    }
    next(new HttpError(404, `No route ${req.method} ${path}`));
};
