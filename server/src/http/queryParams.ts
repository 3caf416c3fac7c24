import type { RequestHandler } from 'express';
import { badRequest } from './HttpError';

/**
 * A query parameter given twice (`?filter=a&filter=b`) is refused everywhere: which one wins would
 * depend on each route's code, and a silently ignored filter shows the wrong rows.
 */
export const refuseRepeatedQueryParameters: RequestHandler = (req, _res, next) => {
    const repeated = Object.entries(req.query)
        .filter(([, value]) => Array.isArray(value))
        .map(([key]) => key);
    if (repeated.length === 0) return next();
    next(
        badRequest(
            `${repeated.map((key) => `"${key}"`).join(', ')} must be given once`,
            Object.fromEntries(repeated.map((key) => [key, 'must be given once']))
        )
    );
};
