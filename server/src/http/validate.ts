import type { RequestHandler } from 'express';
import type { ZodError, ZodType } from 'zod';
import { badRequest } from './HttpError';

export const NOT_AN_OBJECT = 'The request body must be a JSON object';

/** `{ field: message }` from a zod error, for the `errors` member of an error response. */
export function zodErrors(error: ZodError): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const issue of error.issues) {
        const key = issue.path.join('.') || '_';
        if (!errors[key]) errors[key] = issue.message;
    }
    return errors;
}

/** A JSON object, not an array, null or a scalar. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces req.body with its parsed value, or answers 400 naming each bad field. */
export function validateBody(schema: ZodType): RequestHandler {
    return (req, _res, next) => {
        const body: unknown = req.body ?? {};
        if (!isJsonObject(body)) return next(badRequest(NOT_AN_OBJECT));
        const result = schema.safeParse(body);
        if (!result.success) return next(result.error);
        req.body = result.data;
        next();
    };
}
