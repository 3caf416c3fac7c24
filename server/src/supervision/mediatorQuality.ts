/**
 * Mediator quality for a period: the decided rulings of the period (issued then, whether or not
 * overturned since) grouped two ways by the database — by status, SLA flag and hours to decision,
 * and by reason and refund % — each a range read of `decision` over a covering index (no table
 * row, no dispute is touched); the answered QA reviews of those rulings; and the rules of
 * shared/mediatorQuality.ts over the groups.
 */
import { In, type DataSource } from 'typeorm';
import {
    mediatorQuality,
    type HoursGroup,
    type MediatorCounts,
    type MediatorQuality,
} from '../../../shared/mediatorQuality';
import type { Policy } from '../../../shared/policy';
import { Decision, QaReview, Staff } from '../entities';
import { SAMPLED_STATUSES } from './qaSampling';
import { dayBounds } from './qaPeriod';

export interface MediatorQualityRow extends MediatorQuality {
    id: number;
    mediatorName: string | null;
}

type Raw = Record<string, unknown>;
const num = (value: unknown) => Number(value);
const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';

export async function mediatorQualityOf(
    reads: DataSource,
    policy: Policy,
    period: { from: string; to: string }
): Promise<MediatorQualityRow[]> {
    const { start, end } = dayBounds(period.from, period.to);
    const decided = () =>
        reads
            .getRepository(Decision)
            .createQueryBuilder('decision')
            .where('decision.issuedAt >= :start AND decision.issuedAt < :end', { start, end })
            .andWhere('decision.status IN (:...statuses)', { statuses: [...SAMPLED_STATUSES] });
    const [byHours, percents, tallies] = await Promise.all([
        decided()
            .select('decision.mediatorId', 'mediatorId')
            .addSelect('decision.status', 'status')
            .addSelect('decision.slaBreached', 'slaBreached')
            .addSelect('decision.hoursToDecision', 'hours')
            .addSelect('COUNT(*)', 'count')
            .groupBy('decision.mediatorId')
            .addGroupBy('decision.status')
            .addGroupBy('decision.slaBreached')
            .addGroupBy('decision.hoursToDecision')
            .getRawMany<Raw>(),
        decided()
            .select('decision.mediatorId', 'mediatorId')
            .addSelect('decision.reason', 'reason')
            .addSelect('decision.refundPercent', 'percent')
            .addSelect('COUNT(*)', 'count')
            .andWhere('decision.reason IS NOT NULL AND decision.refundPercent IS NOT NULL')
            .groupBy('decision.mediatorId')
            .addGroupBy('decision.reason')
            .addGroupBy('decision.refundPercent')
            .getRawMany<Raw>(),
        reads
            .getRepository(QaReview)
            .createQueryBuilder('qa')
            .innerJoin('decision', 'decision', 'decision.id = qa.decisionId')
            .select('decision.mediatorId', 'mediatorId')
            .addSelect('COUNT(*)', 'answered')
            .addSelect("SUM(CASE WHEN qa.verdict = 'agree' THEN 1 ELSE 0 END)", 'agreed')
            .where('decision.issuedAt >= :start AND decision.issuedAt < :end', { start, end })
            .andWhere('qa.verdict IS NOT NULL')
            .groupBy('decision.mediatorId')
            .getRawMany<Raw>(),
    ]);
    const counts = new Map<number, MediatorCounts>();
    const hours: HoursGroup[] = [];
    for (const group of byHours) {
        const mediatorId = num(group.mediatorId);
        const count = num(group.count);
        const c = counts.get(mediatorId) ?? { mediatorId, decided: 0, overturned: 0, slaBreaches: 0 };
        c.decided += count;
        if (group.status === 'overturned') c.overturned += count;
        if (truthy(group.slaBreached)) c.slaBreaches += count;
        counts.set(mediatorId, c);
        if (group.hours !== null) hours.push({ mediatorId, hours: num(group.hours), count });
    }
    const figures = mediatorQuality(
        {
            counts: [...counts.values()],
            hours,
            percents: percents.map((p) => ({
                mediatorId: num(p.mediatorId),
                reason: String(p.reason),
                percent: num(p.percent),
                count: num(p.count),
            })),
        },
        tallies.map((t) => ({
            mediatorId: num(t.mediatorId),
            answered: num(t.answered),
            agreed: num(t.agreed),
        })),
        policy
    );
    const staff = await reads
        .getRepository(Staff)
        .find({ select: { id: true, fullName: true }, where: { id: In(figures.map((f) => f.mediatorId)) } });
    const names = new Map(staff.map((s) => [s.id, s.fullName]));
    return figures.map((f) => ({ id: f.mediatorId, mediatorName: names.get(f.mediatorId) ?? null, ...f }));
}
