import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

declare module 'express-serve-static-core' {
    interface Request {
        id: string;
    }
}

/** Gives every request an id (kept from X-Request-Id when sane) echoed in the response. */
export const requestId: RequestHandler = (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.set('X-Request-Id', req.id);
    next();
};
