import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { apiRouter } from './api';
import type { AppContext } from './appContext';
import { errorHandler } from './http/errorHandler';
import { requestId } from './http/requestId';
import { answerOptions, unmatchedRoute } from './http/routeMethods';
import { noStore, securityHeaders } from './http/securityHeaders';
import { integrationRouter } from './integration/integrationRouter';

const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist');

/** Builds the Express app (API, health, built SPA) without listening. */
export function createApp(context: AppContext): Express {
    const app = express();
    app.disable('x-powered-by');
    // Lists change under the user all day: no ETag hashing of every response body.
    app.disable('etag');
    // Which proxies may name the client's address (X-Forwarded-For): none unless TRUST_PROXY says so.
    app.set('trust proxy', context.config.trustProxy);
    app.use(securityHeaders(context.config));
    app.use(requestId);
    app.use(answerOptions);
    app.use((_req, res, next) => {
        res.set('Access-Control-Expose-Headers', 'Content-Range, X-Request-Id');
        next();
    });

    app.get('/health', async (_req, res) => {
        try {
            await context.dataSource.query('SELECT 1');
            res.json({ status: 'ok' });
        } catch {
            res.status(503).json({ status: 'unavailable', message: 'The database does not answer' });
        }
    });

    app.use('/api', noStore, express.json({ limit: '1mb' }), apiRouter(context));
    app.use('/integration/v1', integrationRouter(context));

    if (fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
        app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
        app.get(/^\/(?!api\/|integration\/).*/, (_req, res) => {
            res.sendFile(path.join(CLIENT_DIST, 'index.html'));
        });
    }

    app.use(unmatchedRoute);
    app.use(errorHandler);
    return app;
}
