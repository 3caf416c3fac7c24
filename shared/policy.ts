/**
 * Every number of the dispute domain, in one place: the defaults are the product's rules; a
 * deployment overrides them through POLICY_* variables (see the README's configuration table).
 */

export interface Policy {
    fourEyesThresholdMajorByCurrency?: Record<string, number>;
    /** A dispute may be opened this many days after shipment at the earliest. */
    openAfterShipmentDays: number;
    /** … and this many days after the order was completed at the latest. */
    openBeforeCompletionDays: number;
    protectionMinDays: number;
    protectionMaxDays: number;
    /** The seller must answer within this; otherwise a full refund to the buyer. */
    sellerResponseDays: number;
    /** The buyer may escalate from this many days after opening. */
    buyerEscalationAfterDays: number;
    /** Escalated automatically this many days after opening without agreement. */
    autoEscalationDays: number;
    /** Platform review: target and hard limit from escalation. */
    slaTargetDays: number;
    slaHardLimitDays: number;
    /** SLA bar turns amber when the target is this close. */
    slaWarningHours: number;
    evidenceDeadlineDefaultHours: number;
    evidenceDeadlineMinHours: number;
    evidenceDeadlineMaxHours: number;
    openingMaxImages: number;
    openingMaxVideos: number;
    maxImageBytes: number;
    maxVideoBytes: number;
    maxPdfBytes: number;
    maxFilesPerParty: number;
    refundUsualDays: number;
    /** A refund older than this is an alert. */
    refundMaxDays: number;
    /**
     * Rulings at/above this many major units of the order currency need a supervisor; a currency
     * may have its own (`fourEyesThresholdMajorByCurrency`, from POLICY_FOUR_EYES_THRESHOLD_MAJOR_<ISO>).
     */
    fourEyesThresholdMajor: number;
    /** Guidance for partial refunds, never a cap. */
    partialRefundGuidancePercent: number;
    /** Both rationales of a ruling are at least this long. */
    rationaleMinLength: number;
    /** Precedents: decided disputes whose order total is within this many percent of this one's. */
    precedentAmountBandPercent: number;
    /** A ruling this many percentage points or more from the precedents' median asks for confirmation. */
    precedentFarPercentPoints: number;
    /** A buyer with this many disputes in the look-back window is flagged as a frequent disputer. */
    frequentDisputerThreshold: number;
    frequentDisputerWindowDays: number;
    /** … or one whose disputes are more than this percent of at least `frequentDisputerMinOrders` orders. */
    frequentDisputerRatePercent: number;
    frequentDisputerMinOrders: number;
    /** The "recent disputes" figure of a buyer's rating counts this many days back. */
    ratingRecentDays: number;
    /** How many disputes one mediator may hold in review at once. */
    maxCasesPerMediator: number;
    /** This many failed sign-ins for one email within the window lock it … */
    loginAccountFailureLimit: number;
    loginAccountWindowMinutes: number;
    /** … for this long from the failure that reached the limit. */
    loginAccountLockMinutes: number;
    /** This many failed sign-ins from one address within its window refuse that address. */
    loginAddressFailureLimit: number;
    loginAddressWindowMinutes: number;
    /** A staff session's viewings of one piece of evidence within this many minutes are audited once. */
    evidenceViewAuditWindowMinutes: number;
    /** A party still owing evidence is reminded once when its deadline is this close. */
    evidenceReminderHours: number;
    /** Two images whose 64-bit difference hashes differ in at most this many bits are "similar" (reused evidence). */
    reuseHammingThreshold: number;
    /**
     * An unanswered Idempotency-Key claim of another server process counts as abandoned after this
     * (a claim of a process that restarted, on SQLite any other process's, is abandoned at once).
     */
    idempotencyClaimLeaseSeconds: number;
    /** Mediator quality: a mean refund this many percentage points or more from the peers' median is an outlier … */
    qualityRefundGapPoints: number;
    /** … so is an overturn rate at least this many times the peers' … */
    qualityOverturnFactor: number;
    /** … and a QA agreement rate below this percent. */
    qualityMinAgreementPercent: number;
    /** A random QA sample holds at most this many decisions. */
    qaSampleMaxSize: number;
}

export const DEFAULT_POLICY: Policy = {
    openAfterShipmentDays: 5,
    openBeforeCompletionDays: 15,
    protectionMinDays: 60,
    protectionMaxDays: 90,
    sellerResponseDays: 5,
    buyerEscalationAfterDays: 3,
    autoEscalationDays: 15,
    slaTargetDays: 7,
    slaHardLimitDays: 60,
    slaWarningHours: 24,
    evidenceDeadlineDefaultHours: 72,
    evidenceDeadlineMinHours: 24,
    evidenceDeadlineMaxHours: 336,
    openingMaxImages: 3,
    openingMaxVideos: 1,
    maxImageBytes: 20 * 1024 * 1024,
    maxVideoBytes: 500 * 1024 * 1024,
    maxPdfBytes: 20 * 1024 * 1024,
    maxFilesPerParty: 20,
    refundUsualDays: 7,
    refundMaxDays: 15,
    fourEyesThresholdMajor: 500,
    partialRefundGuidancePercent: 50,
    rationaleMinLength: 30,
    precedentAmountBandPercent: 50,
    precedentFarPercentPoints: 30,
    frequentDisputerThreshold: 5,
    frequentDisputerWindowDays: 180,
    frequentDisputerRatePercent: 20,
    frequentDisputerMinOrders: 10,
    ratingRecentDays: 90,
    maxCasesPerMediator: 10,
    loginAccountFailureLimit: 10,
    loginAccountWindowMinutes: 15,
    loginAccountLockMinutes: 30,
    loginAddressFailureLimit: 50,
    loginAddressWindowMinutes: 15,
    evidenceViewAuditWindowMinutes: 30,
    evidenceReminderHours: 24,
    reuseHammingThreshold: 6,
    idempotencyClaimLeaseSeconds: 60,
    qualityRefundGapPoints: 15,
    qualityOverturnFactor: 2,
    qualityMinAgreementPercent: 70,
    qaSampleMaxSize: 50,
};

const ENV_PREFIX = 'POLICY_';

function envName(key: string): string {
    return ENV_PREFIX + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

/** Reads overrides such as POLICY_SLA_TARGET_DAYS=5 from an environment. */
export function loadPolicy(env: Record<string, string | undefined> = {}): Policy {
    const policy: Policy = { ...DEFAULT_POLICY };
    for (const key of Object.keys(DEFAULT_POLICY) as (keyof Policy)[]) {
        const raw = env[envName(key)];
        if (raw === undefined || raw === '') continue;
        const value = Number(raw);
        if (!Number.isInteger(value) || value < 0) {
            throw new Error(`${envName(key)} must be a non-negative integer, got "${raw}"`);
        }
        policy[key] = value as never;
    }
    const perCurrency = envName('fourEyesThresholdMajor') + '_';
    for (const [name, raw] of Object.entries(env)) {
        if (!name.startsWith(perCurrency) || raw === undefined || raw === '') continue;
        const value = Number(raw);
        if (!Number.isInteger(value) || value < 0) {
            throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
        }
        policy.fourEyesThresholdMajorByCurrency = {
            ...policy.fourEyesThresholdMajorByCurrency,
            [name.slice(perCurrency.length)]: value,
        };
    }
    return policy;
}

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export function addDays(date: Date, days: number): Date {
    return new Date(date.getTime() + days * DAY_MS);
}

export function addHours(date: Date, hours: number): Date {
    return new Date(date.getTime() + hours * HOUR_MS);
}

export type SlaState = 'on_track' | 'due_soon' | 'breached' | 'paused' | 'none';

/** Colour band of the SLA bar for a dispute at `now`. */
export function slaState(
    slaDueAt: Date | string | null | undefined,
    now: Date,
    policy: Policy = DEFAULT_POLICY,
    paused = false
): SlaState {
    if (!slaDueAt) return 'none';
    if (paused) return 'paused';
    const due = new Date(slaDueAt).getTime();
    if (due <= now.getTime()) return 'breached';
    return due - now.getTime() <= policy.slaWarningHours * HOUR_MS ? 'due_soon' : 'on_track';
}

/** Dates the integration API takes (shipment, completion, end of protection) are not earlier … */
export const EARLIEST_PLAUSIBLE_DATE = '2000-01-01T00:00:00Z';
/** … and not more than this many days after the server's clock. */
export const LATEST_PLAUSIBLE_DAYS_AHEAD = 366;
