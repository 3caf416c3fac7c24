import { Initial1764100000000 } from './1764100000000-Initial';
import { AuditAppendOnly1764100000001 } from './1764100000001-AuditAppendOnly';
import { DropStaffLockColumns1764100000002 } from './1764100000002-DropStaffLockColumns';
import { AuditChainKeyed1764100000003 } from './1764100000003-AuditChainKeyed';
import { IdempotencyClaimOwner1764100000004 } from './1764100000004-IdempotencyClaimOwner';
import { EvidenceRequestReminder1764100000005 } from './1764100000005-EvidenceRequestReminder';
import { AttachmentReuseAndReview1764100000006 } from './1764100000006-AttachmentReuseAndReview';
import { RulingsAndDelivery1764100000007 } from './1764100000007-RulingsAndDelivery';
import { PartyRatings1764100000008 } from './1764100000008-PartyRatings';
import { DailyStats1764100000009 } from './1764100000009-DailyStats';
import { DecisionsAudit1764100000010 } from './1764100000010-DecisionsAudit';
import { StaffLocale1764100000011 } from './1764100000011-StaffLocale';
import { OrderTrackingIndex1764100000012 } from './1764100000012-OrderTrackingIndex';

/** Every migration, in order. */
export const migrations = [
    Initial1764100000000,
    AuditAppendOnly1764100000001,
    DropStaffLockColumns1764100000002,
    AuditChainKeyed1764100000003,
    IdempotencyClaimOwner1764100000004,
    EvidenceRequestReminder1764100000005,
    AttachmentReuseAndReview1764100000006,
    RulingsAndDelivery1764100000007,
    PartyRatings1764100000008,
    DailyStats1764100000009,
    DecisionsAudit1764100000010,
    StaffLocale1764100000011,
    OrderTrackingIndex1764100000012,
];
