import { Router } from 'express';
import type { AppContext } from './appContext';
import { auditEventsResource } from './audit/auditEventsResource';
import { decisionsResource, refundsResource } from './decisions/decisionsResources';
import { disputesResource } from './disputes/disputesResource';
import { disputesRouter } from './disputes/disputesRouter';
import {
    attachmentsResource,
    disputeEventsResource,
    evidenceRequestsResource,
    messagesResource,
    offersResource,
} from './evidence/evidenceResources';
import { apiNotFound } from './http/errorHandler';
import { ordersResource } from './orders/ordersResource';
import { buyersResource } from './parties/buyersResource';
import { sellersResource } from './parties/sellersResource';
import { readOnly, resourceRouter } from './rest/resourceRouter';
import type { Resource } from './rest/Resource';
import { staffResource } from './staff/staffResource';

/** Resources listed and shown through the generic ra-data-simple-rest protocol. */
export const RESOURCES: Resource[] = [
    disputesResource,
    ordersResource,
    buyersResource,
    sellersResource,
    messagesResource,
    offersResource,
    attachmentsResource,
    evidenceRequestsResource,
    disputeEventsResource,
    decisionsResource,
    refundsResource,
    auditEventsResource,
    staffResource,
];

const WHY_READ_ONLY = 'changes go through the workflow actions';

/** The console API under /api. */
export function apiRouter(context: AppContext): Router {
    const router = Router();
    router.use('/disputes', disputesRouter(context));
    for (const resource of RESOURCES) {
        router.use(
            `/${resource.name}`,
            readOnly(resource, WHY_READ_ONLY),
            resourceRouter(context.dataSource, resource)
        );
    }
    router.use(apiNotFound);
    return router;
}
