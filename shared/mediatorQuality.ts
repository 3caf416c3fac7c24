/**
 * The rules of the decisions audit and of mediator quality: what a ruling's time to decision is
 * (its refund percentage is `refundPercentOf` in domain.ts), and how a mediator's figures for a
 * period compare with their peers' (the other mediators who decided in the same period). The
 * thresholds live in policy.ts.
 */
import type { Policy } from './policy';
import { HOUR_MS } from './policy';

/** Whole hours from the escalation to the ruling; null when the dispute was never escalated. */
export function hoursToDecisionOf(escalatedAt: Date | string | null, ruledAt: Date): number | null {
    if (!escalatedAt) return null;
    const ms = ruledAt.getTime() - new Date(escalatedAt).getTime();
    return Math.max(0, Math.floor(ms / HOUR_MS));
}

/** The dispute's review SLA target had passed when the ruling was made. */
export function slaTargetBreached(
    dispute: { slaTargetBreachedAt: Date | string | null; slaDueAt: Date | string | null },
    ruledAt: Date
): boolean {
    if (dispute.slaTargetBreachedAt) return true;
    return dispute.slaDueAt !== null && new Date(dispute.slaDueAt).getTime() <= ruledAt.getTime();
}

/** One decided ruling of the period (issued, or issued and later overturned). */
export interface QualityRuling {
    mediatorId: number;
    reason: string | null;
    refundPercent: number | null;
    hoursToDecision: number | null;
    overturned: boolean;
    slaBreached: boolean;
}

/** A mediator's decided rulings of the period, counted. */
export interface MediatorCounts {
    mediatorId: number;
    decided: number;
    overturned: number;
    slaBreaches: number;
}

/** How many of a mediator's rulings took this many hours. */
export interface HoursGroup {
    mediatorId: number;
    hours: number;
    count: number;
}

/** How many of a mediator's rulings of this reason refunded this percentage. */
export interface PercentGroup {
    mediatorId: number;
    reason: string;
    percent: number;
    count: number;
}

/** The period's rulings as the database groups them (three GROUP BY reads of the decisions). */
export interface QualityGroups {
    counts: MediatorCounts[];
    hours: HoursGroup[];
    percents: PercentGroup[];
}

/** The answered QA reviews of one mediator's rulings of the period. */
export interface QaTally {
    mediatorId: number;
    answered: number;
    agreed: number;
}

/** Rulings one by one, grouped as the database groups them (tests, small sets). */
export function groupRulings(rulings: readonly QualityRuling[]): QualityGroups {
    const counts = new Map<number, MediatorCounts>();
    const hours = new Map<string, HoursGroup>();
    const percents = new Map<string, PercentGroup>();
    for (const r of rulings) {
        const c = counts.get(r.mediatorId) ?? {
            mediatorId: r.mediatorId,
            decided: 0,
            overturned: 0,
            slaBreaches: 0,
        };
        c.decided += 1;
        c.overturned += r.overturned ? 1 : 0;
        c.slaBreaches += r.slaBreached ? 1 : 0;
        counts.set(r.mediatorId, c);
        if (r.hoursToDecision !== null) {
            const key = `${r.mediatorId}/${r.hoursToDecision}`;
            const h = hours.get(key) ?? { mediatorId: r.mediatorId, hours: r.hoursToDecision, count: 0 };
            h.count += 1;
            hours.set(key, h);
        }
        if (r.reason !== null && r.refundPercent !== null) {
            const key = `${r.mediatorId}/${r.reason}/${r.refundPercent}`;
            const p = percents.get(key) ?? {
                mediatorId: r.mediatorId,
                reason: r.reason,
                percent: r.refundPercent,
                count: 0,
            };
            p.count += 1;
            percents.set(key, p);
        }
    }
    return { counts: [...counts.values()], hours: [...hours.values()], percents: [...percents.values()] };
}

/** The median of values given with their counts (the mean of the middle two for an even total). */
export function weightedMedian(groups: Iterable<readonly [value: number, count: number]>): number | null {
    const sorted = [...groups].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
    const total = sorted.reduce((sum, [, count]) => sum + count, 0);
    if (total === 0) return null;
    /** The value at 0-based position `index` of the expanded list. */
    const at = (index: number) => {
        let seen = 0;
        for (const [value, count] of sorted) {
            seen += count;
            if (index < seen) return value;
        }
        return sorted[sorted.length - 1][0];
    };
    const middle = Math.floor(total / 2);
    return total % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

export const OUTLIER_REASONS = ['refund_gap', 'overturn_rate', 'qa_agreement'] as const;
export type OutlierReason = (typeof OUTLIER_REASONS)[number];

export interface Outlier {
    reason: OutlierReason;
    /** The mediator's figure and the one it is compared with (percentage points, or percent). */
    value: number;
    threshold: number;
}

export interface MediatorQuality {
    mediatorId: number;
    casesDecided: number;
    medianHoursToDecision: number | null;
    slaBreaches: number;
    /** Mean over their rulings of (their refund %) − (the peers' median refund % for that reason). */
    refundGapPoints: number | null;
    /** How many of their rulings had peers' rulings of the same reason to compare with. */
    refundCompared: number;
    overturned: number;
    overturnPercent: number;
    peersOverturnPercent: number | null;
    qaAnswered: number;
    qaAgreementPercent: number | null;
    outliers: Outlier[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : round1((part * 100) / whole));

/** For one mediator: the mean of (own %) − (the peers' median % for the reason), and how many were compared. */
function refundGap(mediatorId: number, percents: readonly PercentGroup[]) {
    const byReason = new Map<string, PercentGroup[]>();
    for (const group of percents) {
        const list = byReason.get(group.reason) ?? [];
        list.push(group);
        byReason.set(group.reason, list);
    }
    let sum = 0;
    let count = 0;
    for (const groups of byReason.values()) {
        const own = groups.filter((g) => g.mediatorId === mediatorId);
        if (own.length === 0) continue;
        const peersMedian = weightedMedian(
            groups.filter((g) => g.mediatorId !== mediatorId).map((g) => [g.percent, g.count] as const)
        );
        if (peersMedian === null) continue;
        for (const g of own) {
            sum += (g.percent - peersMedian) * g.count;
            count += g.count;
        }
    }
    return { gap: count === 0 ? null : round1(sum / count), count };
}

/** The outliers among a mediator's figures, each with the rule that makes it one. */
export function outliersOf(
    figures: Pick<
        MediatorQuality,
        'refundGapPoints' | 'overturnPercent' | 'peersOverturnPercent' | 'qaAgreementPercent' | 'overturned'
    >,
    policy: Pick<Policy, 'qualityRefundGapPoints' | 'qualityOverturnFactor' | 'qualityMinAgreementPercent'>
): Outlier[] {
    const outliers: Outlier[] = [];
    const gap = figures.refundGapPoints;
    if (gap !== null && Math.abs(gap) >= policy.qualityRefundGapPoints) {
        outliers.push({ reason: 'refund_gap', value: gap, threshold: policy.qualityRefundGapPoints });
    }
    const peers = figures.peersOverturnPercent;
    if (
        figures.overturned > 0 &&
        peers !== null &&
        figures.overturnPercent >= policy.qualityOverturnFactor * peers
    ) {
        outliers.push({
            reason: 'overturn_rate',
            value: figures.overturnPercent,
            threshold: round1(policy.qualityOverturnFactor * peers),
        });
    }
    const agreement = figures.qaAgreementPercent;
    if (agreement !== null && agreement < policy.qualityMinAgreementPercent) {
        outliers.push({
            reason: 'qa_agreement',
            value: agreement,
            threshold: policy.qualityMinAgreementPercent,
        });
    }
    return outliers;
}

/** Every mediator who decided in the period (or had QA verdicts on its rulings), by mediator id. */
export function mediatorQuality(
    groups: QualityGroups,
    qa: readonly QaTally[],
    policy: Pick<Policy, 'qualityRefundGapPoints' | 'qualityOverturnFactor' | 'qualityMinAgreementPercent'>
): MediatorQuality[] {
    const countsOf = new Map(groups.counts.map((c) => [c.mediatorId, c]));
    const qaOf = new Map(qa.map((tally) => [tally.mediatorId, tally]));
    const totalDecided = groups.counts.reduce((sum, c) => sum + c.decided, 0);
    const totalOverturned = groups.counts.reduce((sum, c) => sum + c.overturned, 0);
    const ids = [...new Set([...countsOf.keys(), ...qaOf.keys()])].sort((a, b) => a - b);
    return ids.map((mediatorId) => {
        const own = countsOf.get(mediatorId) ?? { mediatorId, decided: 0, overturned: 0, slaBreaches: 0 };
        const peersDecided = totalDecided - own.decided;
        const tally = qaOf.get(mediatorId);
        const { gap, count } = refundGap(mediatorId, groups.percents);
        const hours = groups.hours
            .filter((h) => h.mediatorId === mediatorId)
            .map((h) => [h.hours, h.count] as const);
        const figures = {
            mediatorId,
            casesDecided: own.decided,
            medianHoursToDecision: weightedMedian(hours),
            slaBreaches: own.slaBreaches,
            refundGapPoints: gap,
            refundCompared: count,
            overturned: own.overturned,
            overturnPercent: percent(own.overturned, own.decided),
            peersOverturnPercent:
                peersDecided === 0 ? null : percent(totalOverturned - own.overturned, peersDecided),
            qaAnswered: tally?.answered ?? 0,
            qaAgreementPercent: tally && tally.answered > 0 ? percent(tally.agreed, tally.answered) : null,
        };
        return { ...figures, outliers: outliersOf(figures, policy) };
    });
}
