import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
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
import { HttpError } from '../http/HttpError';
import { actorOf } from './requestAuth';

/** Marks a middleware as the access policy of its route (the route-coverage test looks for it). */
export const POLICY = Symbol('policy');
export type PolicyHandler = RequestHandler & { [POLICY]: { resource: string; action: string } };

/**
 * A 403 from the permission table. Checks only throw it; whatever transaction was open rolls
 * back, and the edge (`auditDenials`) writes the `access.denied` audit event afterwards.
 */
export class AccessDenied extends HttpError {
    constructor(
        readonly request: Pick<AccessRequest, 'resource' | 'action'>,
        readonly reason: string,
        /** The record refused, read from the route while its parameters are known. */
        readonly entityId: string | null = null
    ) {
        super(403, reason);
    }
}

function routeId(req: Request): string | null {
    return typeof req.params?.id === 'string' ? req.params.id : null;
}

/** Route-level check of the permission table: may this role do `action` on `resource` at all? */
export function allow(_context: AppContext, resource: PermissionResource, action: Action): PolicyHandler {
    const handler: RequestHandler = (req, _res, next) => {
        const reason = denialReason(req.staff?.role as Role | undefined, { resource, action });
        next(reason ? new AccessDenied({ resource, action }, reason, routeId(req)) : undefined);
    };
    return Object.assign(handler, { [POLICY]: { resource, action } });
}

/**
 * Record-level check, inside the transaction that makes the change, once the record is loaded
 * there: pure, it throws `AccessDenied`.
 */
export function assertCan(
    req: Request,
    resource: PermissionResource,
    action: Action,
    record: AccessRequest['record']
): void {
    const request = { resource, action, record, staffId: req.staff?.id };
    const reason = denialReason(req.staff?.role as Role | undefined, request);
    if (reason) throw new AccessDenied({ resource, action }, reason, routeId(req));
}

/** The edge's half of a refusal: the audit event, in its own transaction after the rollback. */
export function auditDenials(context: AppContext): ErrorRequestHandler {
    return async (err, req, _res, next) => {
        if (err instanceof AccessDenied) {
            await writeTransaction(context.dataSource, (manager) =>
                appendAudit(
                    manager,
                    actorOf(req),
                    {
                        action: 'access.denied',
                        entity: String(err.request.resource),
                        entityId: err.entityId,
                        after: {
                            action: err.request.action,
                            method: req.method,
                            path: req.originalUrl.split('?')[0],
                            reason: err.reason,
                        },
                        outcome: 'denied',
                    },
                    context.clock.now()
                )
            );
        }
        next(err);
    };
}
