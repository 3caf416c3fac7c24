import { Router } from 'express';
import type { PermissionResource } from '../../../shared/permissions';
import type { AppContext } from '../appContext';
import { allow, POLICY } from '../auth/authorize';
import { HttpError, notFound } from '../http/HttpError';
import { parseId, parseListParams } from './listParams';
import type { Resource } from './Resource';
import { getRecord, listRecords } from './resourceQuery';

/** `GET /<res>` and `GET /<res>/:id` in the ra-data-simple-rest protocol, behind the permission table. */
export function resourceRouter(context: AppContext, resource: Resource): Router {
    const { dataSource } = context;
    const name = resource.name as PermissionResource;
    const router = Router();

    router.get('/', allow(context, name, 'list'), async (req, res) => {
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

    router.get('/:id', allow(context, name, 'show'), async (req, res) => {
        const id = parseId(req.params.id);
        const record = await getRecord(dataSource, resource, id);
        if (!record) throw notFound(`${resource.name} ${id} does not exist`);
        res.json(record);
    });

    return router;
}

/** Answers 405 for the writes a resource does not take through the generic protocol. */
export function refuseWrites(resource: Resource, why: string, allowed = 'GET'): Router {
    const router = Router();
    const refuse = Object.assign(
        (req: { method: string }, _res: unknown, next: (err?: unknown) => void) =>
            next(
                new HttpError(
                    405,
                    `${resource.name} cannot be changed with ${req.method}: ${why}`,
                    undefined,
                    {
                        Allow: allowed,
                    }
                )
            ),
        { [POLICY]: { resource: resource.name, action: 'refuse' } }
    );
    router.post('/', refuse);
    router.put(['/', '/:id'], refuse);
    router.patch(['/', '/:id'], refuse);
    router.delete(['/', '/:id'], refuse);
    return router;
}
