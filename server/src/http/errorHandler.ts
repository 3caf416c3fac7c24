import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { HttpError } from './HttpError';
import { unmatchedRoute } from './routeMethods';
import { NOT_AN_OBJECT, zodErrors } from './validate';

/** Unknown routes answer JSON (404, or 405 with `Allow` when the path takes other methods), not the SPA. */
export const apiNotFound = unmatchedRoute;

/** Whether a body that body-parser refused in strict mode is JSON after all (`null`, `123`, `"str"`). */
function isJsonAfterAll(body: unknown): boolean {
    if (typeof body !== 'string') return false;
    try {
        JSON.parse(body);
        return true;
    } catch {
        return false;
    }
}

/** The message of a 4xx from body-parser and its stream readers (never their raw text, e.g. zlib's). */
function bodyErrorMessage(err: { type?: string; code?: string; message?: string; body?: unknown }): string {
    // zlib's codes: Z_DATA_ERROR, Z_BUF_ERROR (gzip, deflate); ERR__ERROR_… (brotli).
    if (typeof err.code === 'string' && /^(Z_|ERR__ERROR_)/.test(err.code)) {
        return 'The request body could not be decompressed: it is not valid data for its Content-Encoding';
    }
    switch (err.type) {
        case 'entity.parse.failed':
            return isJsonAfterAll(err.body) ? NOT_AN_OBJECT : 'The request body is not valid JSON';
        case 'entity.too.large':
            return 'The request body is too large';
        case 'encoding.unsupported':
            return 'The request body has an unsupported Content-Encoding; send identity, gzip, deflate or br';
        case 'charset.unsupported':
            return 'The request body has an unsupported charset; send UTF-8';
        case 'request.aborted':
            return 'The request body was not received completely';
        case 'request.size.invalid':
            return 'The request body does not have the length its Content-Length header says';
        default:
            return String(err.message ?? 'Bad request');
    }
}

/** Turns every error into `{ message, errors? }` with a 4xx/5xx status; never a stack trace. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof HttpError) {
        if (err.headers) res.set(err.headers);
        res.status(err.status).json({ message: err.message, ...(err.errors ? { errors: err.errors } : {}) });
        return;
    }
    if (err instanceof ZodError) {
        // A body that is an array (or any non-object) fails at the root: say so plainly.
        const root = err.issues.find((issue) => issue.path.length === 0 && issue.code === 'invalid_type');
        if (root && 'expected' in root && root.expected === 'object') {
            res.status(400).json({ message: NOT_AN_OBJECT });
            return;
        }
        res.status(400).json({ message: 'The request is not valid', errors: zodErrors(err) });
        return;
    }
    // body-parser and friends tag their errors with a status and a type.
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status >= 400 && status < 500) {
        res.status(status).json({ message: bodyErrorMessage(err) });
        return;
    }
    // Only the message and stack: driver errors also carry the query's parameters (hashes, tokens).
    const requestId = res.get('x-request-id') ?? '-';
    console.error(`[${requestId}] ${err?.stack ?? `${err?.name}: ${err?.message}`}`);
    res.status(500).json({ message: 'Something went wrong on our side; the error was logged' });
};
