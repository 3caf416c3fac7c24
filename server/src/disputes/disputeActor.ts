import type { Request } from 'express';
import type { ActorKind } from '../../../shared/lifecycle';
import type { Staff } from '../entities';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/auditLog';
import { actorOf, clientIp, currentStaff } from '../auth/requestAuth';

/** Who is moving a dispute, for the lifecycle table, the timeline and the audit log. */
export interface DisputeActor {
    kind: ActorKind;
    staffId: number | null;
    /** The signed-in staff record, when a staff member acts. */
    staff?: Staff;
    audit: AuditActor;
}

export function staffActor(req: Request): DisputeActor {
    const staff = currentStaff(req);
    return { kind: 'staff', staffId: staff.id, staff, audit: actorOf(req) };
}

export const systemActor: DisputeActor = { kind: 'system', staffId: null, audit: SYSTEM_ACTOR };

/** The marketplace itself (its payment provider, say) reporting through the integration API. */
export function marketplaceActor(req: Request): DisputeActor {
    return {
        kind: 'system',
        staffId: null,
        audit: { actorId: null, actorRole: 'marketplace', requestId: req.id ?? null, ip: clientIp(req) },
    };
}

/** A buyer or seller acting through the marketplace's integration API. */
export function partyActor(kind: 'buyer' | 'seller', req: Request): DisputeActor {
    return {
        kind,
        staffId: null,
        audit: {
            actorId: null,
            actorRole: `marketplace:${kind}`,
            requestId: req.id ?? null,
            ip: clientIp(req),
        },
    };
}
