import {
    NOT_RECEIVED_REASONS,
    RECEIVED_REASONS,
    REQUESTED_SOLUTIONS,
    type DisputeReason,
    type RequestedSolution,
    type Role,
} from '../../../shared/domain';
import { hashPassword } from '../auth/password';
import type { Buyer, Seller, Staff } from '../entities';
import type { DemoData } from './demoData';
import { BUYER_COUNTRIES, personName, sellerCountry, storeName } from './names';
import { Cycle, type Random } from './random';
import { BLOCK_REASONS } from './texts';

export const DEMO_PASSWORD = 'dispute-desk-demo';

export const DEMO_STAFF: readonly { email: string; fullName: string; role: Role }[] = [
    { email: 'support@example.com', fullName: 'Sam Support', role: 'support' },
    { email: 'mediator@example.com', fullName: 'Maria Mediator', role: 'mediator' },
    { email: 'mediator2@example.com', fullName: 'Max Mediator', role: 'mediator' },
    { email: 'supervisor@example.com', fullName: 'Sofia Supervisor', role: 'supervisor' },
];

/** How a demo dispute got where it is; `resolved` splits by how it was resolved. */
export const SCENARIO_COUNTS = {
    opened: 24,
    negotiating: 32,
    escalated: 64,
    // Kept below the per-mediator case limit so that "next case" still works for the demo mediators.
    in_review: 6,
    awaiting_evidence: 4,
    pending_approval: 4,
    decided: 26,
    closed: 70,
    resolved_timeout: 18,
    resolved_agreement: 44,
    withdrawn: 28,
} as const;
export type Scenario = keyof typeof SCENARIO_COUNTS;

const TERMINAL: readonly Scenario[] = ['closed', 'withdrawn', 'resolved_timeout', 'resolved_agreement'];

export interface Slot {
    scenario: Scenario;
    reason: DisputeReason;
    solution: RequestedSolution;
    buyer: Buyer;
    seller: Seller;
}

export interface StaffIds {
    support: number;
    mediators: readonly [number, number];
    supervisor: number;
}

export async function buildStaff(data: DemoData, now: Date): Promise<StaffIds> {
    const hashes = await Promise.all(DEMO_STAFF.map(() => hashPassword(DEMO_PASSWORD)));
    DEMO_STAFF.forEach((member, index) => {
        const row: Staff = {
            id: data.id('staff'),
            ...member,
            passwordHash: hashes[index],
            active: true,
            locale: 'en',
            createdAt: new Date(now.getTime() - (400 - index * 30) * 86_400_000),
            updatedAt: now,
        };
        data.staff.push(row);
    });
    const [support, mediator, mediator2, supervisor] = data.staff.map((s) => s.id);
    return { support, mediators: [mediator, mediator2], supervisor };
}

function newBuyer(data: DemoData, random: Random, now: Date): Buyer {
    const { country } = random.weighted(BUYER_COUNTRIES.map((c) => [c, c.weight] as const));
    const id = data.id('buyer');
    const buyer: Buyer = {
        id,
        externalId: `B${1_000_000 + id}`,
        name: personName(random, country),
        country,
        ordersCount: 0,
        disputesCount: 0,
        disputesWonCount: 0,
        disputesPartialCount: 0,
        disputesLostCount: 0,
        penaltyCount: 0,
        rating: random.int(78, 100),
        flagged: false,
        flagReason: null,
        blocked: false,
        blockReason: null,
        createdAt: new Date(now.getTime() - random.days(60, 2500)),
    };
    data.buyers.push(buyer);
    return buyer;
}

function buildSellers(data: DemoData, random: Random, now: Date, count: number): Seller[] {
    for (let k = 0; k < count; k++) {
        const country = sellerCountry(random);
        const id = data.id('seller');
        data.sellers.push({
            id,
            externalId: `S${100_000 + id}`,
            storeName: storeName(random, country),
            country,
            // The first two are the problem sellers of the demo: many disputes, weak feedback.
            positiveFeedbackPermille: k < 2 ? random.int(820, 880) : random.int(900, 995),
            ordersCount: random.int(300, 60_000),
            disputesCount: 0,
            disputesLostCount: 0,
            disputesPartialCount: 0,
            disputesWonCount: 0,
            createdAt: new Date(now.getTime() - random.days(200, 3000)),
        });
    }
    return data.sellers;
}

/** Every scenario with a reason and requested solution; round-robin so every value appears. */
function scenarioSlots(random: Random): Omit<Slot, 'buyer' | 'seller'>[] {
    const reasons = new Cycle(random, [...NOT_RECEIVED_REASONS, ...RECEIVED_REASONS] as DisputeReason[]);
    const solutions = new Cycle(random, REQUESTED_SOLUTIONS);
    const slots: Omit<Slot, 'buyer' | 'seller'>[] = [];
    for (const [scenario, count] of Object.entries(SCENARIO_COUNTS) as [Scenario, number][]) {
        for (let k = 0; k < count; k++) {
            const reason = reasons.next();
            const received = (RECEIVED_REASONS as readonly string[]).includes(reason);
            slots.push({ scenario, reason, solution: received ? solutions.next() : 'full_refund_keep' });
        }
    }
    return random.shuffle(slots);
}

/** Which buyer and seller each demo dispute belongs to; a few buyers are frequent disputers. */
export function planDisputes(data: DemoData, random: Random, now: Date): Slot[] {
    const sellers = buildSellers(data, random, now, 40);
    const sellerWeights = sellers.map((s, k) => [s, k < 2 ? 10 : random.int(1, 3)] as const);
    const pending = scenarioSlots(random);
    const slots: Slot[] = [];
    const take = (buyer: Buyer, accept: (scenario: Scenario) => boolean) => {
        const index = pending.findIndex((slot) => accept(slot.scenario));
        if (index < 0) return;
        const [slot] = pending.splice(index, 1);
        slots.push({ ...slot, buyer, seller: random.weighted(sellerWeights) });
    };
    for (let k = 0; k < 8; k++) {
        const buyer = newBuyer(data, random, now);
        const blocked = k < 2;
        Object.assign(buyer, { flagged: true, rating: random.int(20, 55), penaltyCount: random.int(0, 3) });
        if (blocked) Object.assign(buyer, { blocked: true, blockReason: BLOCK_REASONS[k] });
        if (!blocked && k < 4) take(buyer, (s) => s === 'pending_approval');
        if (!blocked) take(buyer, (s) => s === 'escalated');
        const count = random.int(5, 8);
        while (slots.filter((s) => s.buyer === buyer).length < count) {
            take(buyer, (s) => (blocked ? TERMINAL.includes(s) : s !== 'in_review') && random.chance(0.5));
        }
    }
    while (pending.length > 0) {
        const buyer = newBuyer(data, random, now);
        const count = random.weighted([
            [1, 8],
            [2, 2],
            [3, 1],
        ] as const);
        for (let k = 0; k < count && pending.length > 0; k++) take(buyer, () => true);
    }
    return slots;
}
