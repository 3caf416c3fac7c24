import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { HttpError } from '../http/HttpError';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="integration"' };

function digest(value: string): Buffer {
    return createHash('sha256').update(value).digest();
}

/** The marketplace authenticates with `Authorization: Bearer <INTEGRATION_API_KEY>`. */
export function integrationAuth(config: Pick<Config, 'integrationApiKey'>): RequestHandler {
    // Digests have one length, so the comparison takes the same time whatever was sent.
    const expected = digest(config.integrationApiKey);
    return (req, _res, next) => {
        const match = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '');
        if (!match) {
            return next(
                new HttpError(
                    401,
                    'Send the integration API key as "Authorization: Bearer <key>"',
                    undefined,
                    CHALLENGE
                )
            );
        }
        if (!timingSafeEqual(digest(match[1]), expected)) {
            return next(new HttpError(401, 'The integration API key is not valid', undefined, CHALLENGE));
        }
        next();
    };
}
