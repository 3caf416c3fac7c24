import { isIP } from 'node:net';
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

/**
 * The client's IP address. Behind a trusted proxy Express takes it from X-Forwarded-For, where a
 * forged entry need not be an address at all; then the socket's address is used instead.
 */
export function clientIp(req: Request): string | null {
    if (req.ip && isIP(req.ip)) return req.ip;
    const socket = req.socket?.remoteAddress;
    return socket && isIP(socket) ? socket : null;
}

/** The audit actor for a request: staff member, role, request id and client IP. */
export function actorOf(req: Request): AuditActor {
    return {
        actorId: req.staff?.id ?? null,
        actorRole: req.staff?.role ?? 'anonymous',
        requestId: req.id ?? null,
        ip: clientIp(req),
    };
}
