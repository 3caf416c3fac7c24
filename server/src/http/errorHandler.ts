import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { HttpError } from './HttpError';
import { zodErrors } from './validate';

/** Unknown routes under an API prefix answer JSON, not the SPA. */
export const apiNotFound: RequestHandler = (req, res) => {
    res.status(404).json({ message: `No route ${req.method} ${req.originalUrl.split('?')[0]}` });
};

/** Turns every error into `{ message, errors? }` with a 4xx/5xx status; never a stack trace. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof HttpError) {
        if (err.headers) res.set(err.headers);
        res.status(err.status).json({ message: err.message, ...(err.errors ? { errors: err.errors } : {}) });
        return;
    }
    if (err instanceof ZodError) {
        res.status(400).json({ message: 'The request is not valid', errors: zodErrors(err) });
        return;
    }
    // body-parser and friends tag their errors with a status and a type.
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status >= 400 && status < 500) {
        const message =
            err.type === 'entity.parse.failed'
                ? 'The request body is not valid JSON'
                : err.type === 'entity.too.large'
                  ? 'The request body is too large'
                  : String(err.message ?? 'Bad request');
        res.status(status).json({ message });
        return;
    }
    // Only the message and stack: driver errors also carry the query's parameters (hashes, tokens).
    const requestId = res.get('x-request-id') ?? '-';
    console.error(`[${requestId}] ${err?.stack ?? `${err?.name}: ${err?.message}`}`);
    res.status(500).json({ message: 'Something went wrong on our side; the error was logged' });
};
