import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { HttpError, notFound } from '../http/HttpError';
import { parseId, parseListParams } from './listParams';
import type { Resource } from './Resource';
import { getRecord, listRecords } from './resourceQuery';

/** `GET /<res>` and `GET /<res>/:id` in the ra-data-simple-rest protocol. */
export function resourceRouter(dataSource: DataSource, resource: Resource): Router {
    const router = Router();

    router.get('/', async (req, res) => {
        const params = parseListParams(resource, req.query as Record<string, unknown>);
        const { records, total } = await listRecords(dataSource, resource, params);
        const last = params.offset + records.length - 1;
        res.set(
            'Content-Range',
            records.length
                ? `${resource.name} ${params.offset}-${last}/${total}`
                : `${resource.name} */${total}`
        );
        res.json(records);
    });

    router.get('/:id', async (req, res) => {
        const id = parseId(req.params.id);
        const record = await getRecord(dataSource, resource, id);
        if (!record) throw notFound(`${resource.name} ${id} does not exist`);
        res.json(record);
    });

    return router;
}

/** Answers 405 for writes a resource does not take through the generic protocol. */
export function readOnly(resource: Resource, why: string): Router {
    const router = Router();
    router.all(['/', '/:id'], (req, _res, next) => {
        if (req.method === 'GET' || req.method === 'HEAD') return next();
        next(
            new HttpError(405, `${resource.name} cannot be changed with ${req.method}: ${why}`, undefined, {
                Allow: 'GET',
            })
        );
    });
    return router;
}
