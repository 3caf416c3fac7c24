import type { RequestHandler } from 'express';
import type { ZodError, ZodType } from 'zod';

/** `{ field: message }` from a zod error, for the `errors` member of an error response. */
export function zodErrors(error: ZodError): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const issue of error.issues) {
        const key = issue.path.join('.') || '_';
        if (!errors[key]) errors[key] = issue.message;
    }
    return errors;
}

/** Replaces req.body with its parsed value, or answers 400 naming each bad field. */
export function validateBody(schema: ZodType): RequestHandler {
    return (req, _res, next) => {
        const result = schema.safeParse(req.body ?? {});
        if (!result.success) return next(result.error);
        req.body = result.data;
        next();
    };
}
