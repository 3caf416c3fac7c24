import type { Express } from 'express';
import { POLICY } from '../../server/src/auth/authorize';

/** One method + path of the app, with the handlers of its route in order. */
export interface RegisteredRoute {
    method: string;
    /** The full path, or the source of a regular expression. */
    path: string;
    /** Set for a route registered with a regular expression (only at the top level). */
    pattern?: RegExp;
    handlers: unknown[];
}

/** The parts of Express 5's router layers (router@2) that the walker reads. */
interface Layer {
    rawPath?: unknown;
    route?: { path: unknown; methods: Record<string, boolean>; stack: { handle: unknown }[] };
    handle?: { stack?: Layer[] };
}

function join(prefix: string, path: string): string {
    const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
    return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function pathsOf(raw: unknown, where: string): (string | RegExp)[] {
    const paths = Array.isArray(raw) ? raw.flat(Infinity) : [raw];
    for (const path of paths) {
        const topLevelPattern = path instanceof RegExp && where === '';
        if (typeof path !== 'string' && !topLevelPattern) {
            throw new Error(`${where}: a route or mount path the walker cannot compose (${String(path)})`);
        }
    }
    return paths as (string | RegExp)[];
}

function walk(stack: Layer[], prefix: string, found: RegisteredRoute[]): void {
    for (const layer of stack) {
        if (layer.route) {
            for (const path of pathsOf(layer.route.path, prefix)) {
                for (const [method, on] of Object.entries(layer.route.methods)) {
                    if (!on) continue;
                    found.push({
                        method: method === '_all' ? 'ALL' : method.toUpperCase(),
                        path: path instanceof RegExp ? String(path) : join(prefix, path),
                        ...(path instanceof RegExp ? { pattern: path } : {}),
                        handlers: layer.route.stack.map((handler) => handler.handle),
                    });
                }
            }
        } else if (Array.isArray(layer.handle?.stack)) {
            if (layer.rawPath === undefined) {
                throw new Error(`${prefix}: a sub-router layer without rawPath; the router package changed`);
            }
            for (const mount of pathsOf(layer.rawPath, prefix)) {
                if (mount instanceof RegExp)
                    throw new Error(`a router mounted at ${String(mount)}: teach the walker`);
                walk(layer.handle.stack, join(prefix, mount), found);
            }
        }
    }
}

/** Every route registered on an Express 5 app, sub-routers included, with full paths. */
export function registeredRoutes(app: Express): RegisteredRoute[] {
    const router = (app as unknown as { router?: { stack?: Layer[] } }).router;
    if (!Array.isArray(router?.stack)) throw new Error('app.router.stack is missing: not an Express 5 app?');
    const found: RegisteredRoute[] = [];
    walk(router.stack, '', found);
    return found;
}

export type Policy = { resource: string; action: string };

/** The POLICY marker of a handler, if it carries one. */
export function policyOf(handler: unknown): Policy | undefined {
    return typeof handler === 'function' ? (handler as unknown as { [POLICY]?: Policy })[POLICY] : undefined;
}

export const routeName = (route: Pick<RegisteredRoute, 'method' | 'path'>) => `${route.method} ${route.path}`;
