import type { Request } from 'express';
import type { AuditActor } from '../audit/auditLog';
import type { Session, Staff } from '../entities';
import { unauthorized } from '../http/HttpError';

declare module 'express-serve-static-core' {
    interface Request {
        staff?: Staff;
        authSession?: Session;
    }
}

/** The signed-in staff member; routes behind `authenticate` always have one. */
export function currentStaff(req: Request): Staff {
    if (!req.staff) throw unauthorized();
    return req.staff;
}

/** The audit actor for a request: staff member, role, request id and client IP. */
export function actorOf(req: Request): AuditActor {
    return {
        actorId: req.staff?.id ?? null,
        actorRole: req.staff?.role ?? 'anonymous',
        requestId: req.id ?? null,
        ip: req.ip ?? null,
    };
}
