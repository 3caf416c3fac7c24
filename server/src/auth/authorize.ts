import type { Request, RequestHandler } from 'express';
import type { Role } from '../../../shared/domain';
import {
    denialReason,
    type AccessRequest,
    type Action,
    type PermissionResource,
} from '../../../shared/permissions';
import type { AppContext } from '../appContext';
import { appendAudit } from '../audit/auditLog';
import { writeTransaction } from '../db/transaction';
import { forbidden, HttpError } from '../http/HttpError';
import { actorOf } from './requestAuth';

/** Marks a middleware as the access policy of its route (the route-coverage test looks for it). */
export const POLICY = Symbol('policy');
export type PolicyHandler = RequestHandler & { [POLICY]: { resource: string; action: string } };

/** Audits a refusal and returns the 403 to throw. */
export async function denied(
    context: AppContext,
    req: Request,
    request: AccessRequest,
    reason: string
): Promise<HttpError> {
    await writeTransaction(context.dataSource, (manager) =>
        appendAudit(
            manager,
            actorOf(req),
            {
                action: 'access.denied',
                entity: String(request.resource),
                entityId: typeof req.params?.id === 'string' ? req.params.id : null,
                after: {
                    action: request.action,
                    method: req.method,
                    path: req.originalUrl.split('?')[0],
                    reason,
                },
                outcome: 'denied',
            },
            context.clock.now()
        )
    );
    return forbidden(reason);
}

/** Route-level check of the permission table: may this role do `action` on `resource` at all? */
export function allow(context: AppContext, resource: PermissionResource, action: Action): PolicyHandler {
    const handler: RequestHandler = async (req, _res, next) => {
        const reason = denialReason(req.staff?.role as Role | undefined, { resource, action });
        if (reason) return next(await denied(context, req, { resource, action }, reason));
        next();
    };
    return Object.assign(handler, { [POLICY]: { resource, action } });
}

/** Record-level check inside a service or handler, once the record is loaded. */
export async function assertCan(
    context: AppContext,
    req: Request,
    resource: PermissionResource,
    action: Action,
    record: AccessRequest['record']
): Promise<void> {
    const request = { resource, action, record, staffId: req.staff?.id };
    const reason = denialReason(req.staff?.role as Role | undefined, request);
    if (reason) throw await denied(context, req, request, reason);
}
