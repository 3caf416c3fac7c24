import { Router } from 'express';
import type { AppContext } from './appContext';
import { auditEventsResource } from './audit/auditEventsResource';
import { auditRouter } from './audit/auditRouter';
import { authenticate } from './auth/authenticate';
import { auditDenials } from './auth/authorize';
import { authRouter } from './auth/authRouter';
import { dashboardRouter } from './dashboard/dashboardRouter';
import { decisionsResource } from './decisions/decisionsResource';
import { decisionsRouter } from './decisions/decisionsRouter';
import { refundsResource } from './refunds/refundsResource';
import { disputesResource } from './disputes/disputesResource';
import { disputesRouter } from './disputes/disputesRouter';
import { attachmentsResource } from './evidence/attachmentsResource';
import { evidenceRequestsResource } from './evidence/evidenceRequestsResource';
import { evidenceRequestsRouter } from './evidence/evidenceRequestsRouter';
import { messagesResource } from './messages/messagesResource';
import { offersResource } from './offers/offersResource';
import { disputeEventsResource } from './disputes/disputeEventsResource';
import { attachmentsRouter } from './evidence/attachmentsRouter';
import { apiNotFound } from './http/errorHandler';
import { refuseRepeatedQueryParameters } from './http/queryParams';
import { ordersResource } from './orders/ordersResource';
import { outboxEventsResource } from './outbox/outboxEventsResource';
import { outboxRouter } from './outbox/outboxRouter';
import { webhookDeliveriesResource } from './outbox/webhookDeliveriesResource';
import { queueRouter } from './queue/queueRouter';
import { eventsRouter } from './live/eventsRouter';
import { buyersResource } from './parties/buyersResource';
import { buyersRouter } from './parties/buyersRouter';
import { sellersResource } from './parties/sellersResource';
import { refuseWrites, resourceRouter } from './rest/resourceRouter';
import type { Resource } from './rest/Resource';
import { staffDirectoryResource, staffResource } from './staff/staffResource';
import { staffRouter } from './staff/staffRouter';
import { mediatorQualityRouter } from './supervision/mediatorQualityRouter';
import { qaReviewsRouter, qaSamplesRouter } from './supervision/qaRouter';
import { qaReviewsResource } from './supervision/qaReviewsResource';

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
    outboxEventsResource,
    webhookDeliveriesResource,
    staffResource,
    staffDirectoryResource,
    qaReviewsResource,
];

/** Routers with the writes and actions of a resource, mounted before its generic reads. */
function actionRouters(context: AppContext): Record<string, Router> {
    return {
        disputes: disputesRouter(context),
        decisions: decisionsRouter(context),
        attachments: attachmentsRouter(context),
        'evidence-requests': evidenceRequestsRouter(context),
        'audit-events': auditRouter(context),
        'outbox-events': outboxRouter(context),
        staff: staffRouter(context),
        buyers: buyersRouter(context),
        'qa-reviews': qaReviewsRouter(context),
    };
}

const WHY_READ_ONLY = 'changes go through the workflow actions';

/** The console API under /api: sign-in, then everything behind a session and the permission table. */
export function apiRouter(context: AppContext): Router {
    const router = Router();
    router.use(refuseRepeatedQueryParameters);
    router.use('/auth', authRouter(context));
    router.use(authenticate(context));
    const actions = actionRouters(context);
    for (const resource of RESOURCES) {
        const path = `/${resource.name}`;
        if (actions[resource.name]) router.use(path, actions[resource.name]);
        router.use(path, refuseWrites(resource, WHY_READ_ONLY), resourceRouter(context, resource));
    }
    router.use('/queue', queueRouter(context));
    router.use('/events', eventsRouter(context));
    router.use('/dashboard', dashboardRouter(context));
    router.use('/qa-samples', qaSamplesRouter(context));
    router.use('/mediator-quality', mediatorQualityRouter(context));
    router.use(apiNotFound);
    router.use(auditDenials(context));
    return router;
}
