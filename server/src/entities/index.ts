import { Attachment } from './Attachment';
import { AuditEvent } from './AuditEvent';
import { Buyer } from './Buyer';
import { Decision } from './Decision';
import { Dispute } from './Dispute';
import { DisputeEvent } from './DisputeEvent';
import { EvidenceRequest } from './EvidenceRequest';
import { IdempotencyKey } from './IdempotencyKey';
import { JobLease } from './JobLease';
import { LoginAttempt } from './LoginAttempt';
import { Message } from './Message';
import { Offer } from './Offer';
import { Order } from './Order';
import { OutboxEvent } from './OutboxEvent';
import { Refund } from './Refund';
import { Seller } from './Seller';
import { Session } from './Session';
import { Staff } from './Staff';
import { WebhookDelivery } from './WebhookDelivery';

export {
    Attachment,
    AuditEvent,
    Buyer,
    Decision,
    Dispute,
    DisputeEvent,
    EvidenceRequest,
    IdempotencyKey,
    JobLease,
    LoginAttempt,
    Message,
    Offer,
    Order,
    OutboxEvent,
    Refund,
    Seller,
    Session,
    Staff,
    WebhookDelivery,
};

export const entities = [
    Attachment,
    AuditEvent,
    Buyer,
    Decision,
    Dispute,
    DisputeEvent,
    EvidenceRequest,
    IdempotencyKey,
    JobLease,
    LoginAttempt,
    Message,
    Offer,
    Order,
    OutboxEvent,
    Refund,
    Seller,
    Session,
    Staff,
    WebhookDelivery,
];
