/**
 * A mediator's work on a dispute before the ruling: pick-up, release, evidence requests and the
 * parties' answers, the files on record (rulings and what follows them: demoRulings.ts).
 */
import { EVIDENCE_REQUEST_TARGETS, type EvidenceRequestTarget } from '../../../shared/domain';
import { addHours } from '../../../shared/policy';
import { pickUp as claim, release as unclaim } from '../disputes/assignments';
import { lockDispute } from '../disputes/recorder';
import { pauseSla, resumeSla } from '../disputes/slaClock';
import { EvidenceRequest, type Attachment } from '../entities';
import { insertRows } from '../db/sqlInsert';
import type { DisputeStory } from './demoData';
import { receiptPdf, trackingPdf } from './demoDocuments';
import { later, type DemoContext } from './demoLifecycle';
import { evidenceRequestMessage, internalNote, STAFF_TO_PARTY } from './texts';

export async function pickUp(ctx: DemoContext, story: DisputeStory, at: Date, mediatorId: number) {
    const actor = ctx.actors.staff(mediatorId);
    await story.act(at, (tx) => claim(tx, ctx.policy, story.id, actor, at));
    story.message(later(at, 300_000), 'staff', 'both', STAFF_TO_PARTY[0], mediatorId);
    if (ctx.random.chance(0.5)) {
        const note = internalNote(ctx.random, story.dispute.reason, story.dispute.goodsReceived);
        story.message(later(at, 900_000), 'staff', 'internal', note, mediatorId);
    }
}

export async function release(ctx: DemoContext, story: DisputeStory, at: Date, mediatorId: number) {
    const actor = ctx.actors.staff(mediatorId);
    await story.act(at, async (tx) => unclaim(tx, await lockDispute(tx, story.id), actor, at));
}

/**
 * A mediator asks for evidence; the SLA clock stops until it is answered. `openUntil`: a request
 * still open at that moment is due after it.
 */
export async function requestEvidence(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    byId: number,
    openUntil?: Date
): Promise<EvidenceRequest> {
    const { random, policy } = ctx;
    const target: EvidenceRequestTarget = random.pick(EVIDENCE_REQUEST_TARGETS);
    const hours = random.pick([
        48,
        policy.evidenceDeadlineDefaultHours,
        policy.evidenceDeadlineDefaultHours,
        120,
    ]);
    let dueAt = addHours(at, hours);
    if (openUntil && dueAt <= openUntil) dueAt = later(openUntil, random.hours(6, 48));
    const repo = story.tx.getRepository(EvidenceRequest);
    const request = await repo.save(
        repo.create({
            disputeId: story.id,
            requestedFrom: target,
            requestedById: byId,
            message: evidenceRequestMessage(target, story.dispute.goodsReceived),
            dueAt,
            status: 'open',
            buyerAnswered: false,
            sellerAnswered: false,
            fulfilledAt: null,
            createdAt: at,
        })
    );
    await story.move(at, 'request_evidence', ctx.actors.staff(byId), {
        changes: pauseSla(story.dispute, at),
        details: { evidenceRequestId: request.id, requestedFrom: target, dueAt },
    });
    story.message(at, 'staff', target, request.message, byId);
    return request;
}

async function upload(ctx: DemoContext, story: DisputeStory, party: 'buyer' | 'seller', at: Date) {
    const { random, files } = ctx;
    if (party === 'seller')
        story.attach(at, 'seller', await receiptPdf(files, story.order, story.seller.storeName, random));
    else if (story.dispute.goodsReceived)
        story.attach(at, 'buyer', files.buyerPhotos(random, story.dispute.reason, 1)[0]);
    else story.attach(at, 'buyer', await trackingPdf(files, story.order, story.dispute.reason));
}

/** One party answers; the request is fulfilled once everyone asked has answered. */
export async function answerEvidence(
    ctx: DemoContext,
    story: DisputeStory,
    request: EvidenceRequest,
    party: 'buyer' | 'seller',
    at: Date
): Promise<void> {
    await upload(ctx, story, party, at);
    story.message(at, party, 'both', 'Files uploaded as requested.');
    if (party === 'buyer') request.buyerAnswered = true;
    else request.sellerAnswered = true;
    const done =
        request.requestedFrom === 'both'
            ? request.buyerAnswered && request.sellerAnswered
            : request.requestedFrom === party;
    if (done) Object.assign(request, { status: 'fulfilled', fulfilledAt: at });
    const { buyerAnswered, sellerAnswered, status, fulfilledAt } = request;
    await story.tx
        .getRepository(EvidenceRequest)
        .update({ id: request.id }, { buyerAnswered, sellerAnswered, status, fulfilledAt });
    if (!done) return;
    // Back to review (or to the queue, when nobody holds the dispute); the SLA runs again.
    await story.move(at, 'evidence_complete', ctx.actors[party], {
        changes: resumeSla(story.dispute, at),
        details: { evidenceRequestId: request.id },
    });
}

/** The parties asked, in the order they answer. */
export function partiesOf(request: EvidenceRequest): ('buyer' | 'seller')[] {
    return request.requestedFrom === 'both' ? ['buyer', 'seller'] : [request.requestedFrom];
}

/** Attachments already in the database (the rest are written at the end of their story). */
const written = new WeakSet<Attachment>();

/**
 * Writes the story's attachments uploaded by `until` (all of them without it) that are not in the
 * database yet: a ruling cites its evidence by id, and the domain checks that it is the dispute's.
 */
export async function writeAttachments(story: DisputeStory, until?: Date): Promise<void> {
    const rows = story.attachments.filter(
        (a) => !written.has(a) && (!until || a.createdAt.getTime() <= until.getTime())
    );
    await insertRows(story.tx, 'attachment', rows);
    for (const row of rows) written.add(row);
}
