import { addDays, type Policy } from '../../../shared/policy';
import type { Dispute } from '../entities';

type SlaFields = Pick<Dispute, 'slaDueAt' | 'slaHardDueAt' | 'slaPausedAt'>;
type SlaChanges = Partial<
    Pick<Dispute, 'slaDueAt' | 'slaHardDueAt' | 'slaPausedAt' | 'slaTargetBreachedAt' | 'slaHardBreachedAt'>
>;

/** The platform-review SLA of a dispute escalated at `at`: target and hard limit, running, not breached. */
export function startSla(at: Date, policy: Policy): SlaChanges {
    return {
        slaDueAt: addDays(at, policy.slaTargetDays),
        slaHardDueAt: addDays(at, policy.slaHardLimitDays),
        slaPausedAt: null,
        slaTargetBreachedAt: null,
        slaHardBreachedAt: null,
    };
}

/** Stops the SLA clock while a party owes evidence (no change when it is already stopped). */
export function pauseSla(dispute: SlaFields, at: Date): SlaChanges {
    return dispute.slaPausedAt ? {} : { slaPausedAt: at };
}

function shifted(date: Date | null, ms: number): Date | null {
    return date && new Date(new Date(date).getTime() + ms);
}

/** Restarts a stopped SLA clock: both deadlines move forward by the time it stood still. */
export function resumeSla(dispute: SlaFields, at: Date): SlaChanges {
    if (!dispute.slaPausedAt) return {};
    const pausedFor = Math.max(0, at.getTime() - new Date(dispute.slaPausedAt).getTime());
    return {
        slaDueAt: shifted(dispute.slaDueAt, pausedFor),
        slaHardDueAt: shifted(dispute.slaHardDueAt, pausedFor),
        slaPausedAt: null,
    };
}
