import { Router, type Request } from 'express';
import type { PermissionResource } from '../../../shared/permissions';
import type { AppContext } from '../appContext';
import { allow, POLICY } from '../auth/authorize';
import { HttpError, notFound } from '../http/HttpError';
import { csvExport } from './csvExport';
import { allowHeader, REFUSES_METHOD } from '../http/routeMethods';
import { parseId, parseListParams } from './listParams';
import type { Resource } from './Resource';
import { getRecord, listRecords } from './resourceReads';

/** `GET /<res>` and `GET /<res>/:id` in the ra-data-simple-rest protocol, behind the permission table. */
export function resourceRouter(context: AppContext, resource: Resource): Router {
    const { dataSource } = context;
    const name = resource.name as PermissionResource;
    const router = Router();

    router.get('/', allow(context, name, 'list'), async (req, res) => {
        const params = parseListParams(resource, req.query as Record<string, unknown>);
        const decorate =
            resource.decorate &&
            ((records: Record<string, unknown>[]) => resource.decorate!(context, records));
        const { records, total } = await listRecords(dataSource, resource, params, decorate);
        const last = params.offset + records.length - 1;
        res.set(
            'Content-Range',
            records.length
                ? `${resource.name} ${params.offset}-${last}/${total}`
                : `${resource.name} */${total}`
        );
        res.json(records);
    });

    router.get('/export.csv', allow(context, name, 'list'), csvExport(context, resource));

    router.get('/:id', allow(context, name, 'show'), async (req, res) => {
        const id = parseId(req.params.id);
        const record = await getRecord(dataSource, resource, id);
        if (!record) throw notFound(`${resource.name} ${id} does not exist`);
        await resource.decorate?.(context, [record]);
        res.json(record);
    });

    return router;
}

/**
 * Answers 405 for the writes a resource does not take through the generic protocol; `Allow` lists
 * what the path really takes (a resource's own routers may add writes, e.g. PUT /staff/:id).
 */
export function refuseWrites(resource: Resource, why: string): Router {
    const router = Router();
    const refuse = Object.assign(
        (req: Request, _res: unknown, next: (err?: unknown) => void) =>
            next(
                new HttpError(
                    405,
                    `${resource.name} cannot be changed with ${req.method}: ${why}`,
                    undefined,
                    { Allow: allowHeader(req) || 'GET, HEAD, OPTIONS' }
                )
            ),
        { [POLICY]: { resource: resource.name, action: 'refuse' }, [REFUSES_METHOD]: true }
    );
    router.post('/', refuse);
    router.put(['/', '/:id'], refuse);
    router.patch(['/', '/:id'], refuse);
    router.delete(['/', '/:id'], refuse);
    return router;
}
