/**
 * Reused evidence: the same file, or the same picture resized or re-encoded, filed in another
 * dispute. Exact copies are found by the indexed SHA-256; images also carry a 64-bit difference
 * hash (dHash) split into four indexed 16-bit bands, so near-duplicates are found by index too.
 */
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Attachment } from '../entities';

export type ReuseMatch = 'exact' | 'similar';

export interface ReusedIn {
    attachmentId: number;
    disputeId: number;
    match: ReuseMatch;
    /** Hamming distance of the pictures' difference hashes (0 for an exact copy). */
    distance: number;
}

const BAND_BITS = 16;
const BANDS = 4;

/**
 * The 64-bit difference hash of a picture, as 16 hex digits: the picture in grey at 9×8, one bit
 * per neighbouring pair of a row (left brighter than right). sharp works off the event loop.
 */
export async function differenceHash(content: Readable | Buffer): Promise<string> {
    const pipeline = sharp({ failOn: 'error', limitInputPixels: 100_000_000 })
        .rotate()
        .greyscale()
        .resize(9, 8, { fit: 'fill', kernel: 'lanczos3' })
        .raw();
    if (Buffer.isBuffer(content)) pipeline.end(content);
    else {
        content.on('error', (error) => pipeline.destroy(error));
        content.pipe(pipeline);
    }
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    const channels = info.channels;
    let hash = 0n;
    for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
            const left = data[(y * 9 + x) * channels];
            const right = data[(y * 9 + x + 1) * channels];
            hash = (hash << 1n) | (left > right ? 1n : 0n);
        }
    }
    return hash.toString(16).padStart(16, '0');
}

/** The four 16-bit bands of a dHash, most significant first (the indexed columns). */
export function dhashBands(dhash: string): [number, number, number, number] {
    const bands = [0, 1, 2, 3].map((i) => parseInt(dhash.slice(i * 4, i * 4 + 4), 16));
    return bands as [number, number, number, number];
}

/** The columns an attachment stores for its dHash. */
export function dhashColumns(dhash: string | null): Partial<Attachment> {
    if (!dhash)
        return { dhash: null, dhashBand0: null, dhashBand1: null, dhashBand2: null, dhashBand3: null };
    const [dhashBand0, dhashBand1, dhashBand2, dhashBand3] = dhashBands(dhash);
    return { dhash, dhashBand0, dhashBand1, dhashBand2, dhashBand3 };
}

export function hammingDistance(a: string, b: string): number {
    let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
    let count = 0;
    while (diff) {
        count += Number(diff & 1n);
        diff >>= 1n;
    }
    return count;
}

/**
 * Every band value within `radius` bits of `value`. Two hashes at distance d differ in at most
 * floor(d / 4) bits in some band (pigeonhole), so probing each band within that radius finds
 * every hash within the threshold — by index, never by scanning all images.
 */
function bandNeighbours(value: number, radius: number): number[] {
    const found = new Set<number>([value]);
    let frontier = [value];
    for (let r = 0; r < radius; r++) {
        const next: number[] = [];
        for (const v of frontier) {
            for (let bit = 0; bit < BAND_BITS; bit++) {
                const flipped = v ^ (1 << bit);
                if (!found.has(flipped)) {
                    found.add(flipped);
                    next.push(flipped);
                }
            }
        }
        frontier = next;
    }
    return [...found];
}

type Probe = Pick<Attachment, 'id' | 'disputeId' | 'sha256' | 'dhash'>;

function probeQuery(manager: EntityManager): SelectQueryBuilder<Attachment> {
    return manager
        .getRepository(Attachment)
        .createQueryBuilder('attachment')
        .select(['attachment.id', 'attachment.disputeId', 'attachment.sha256', 'attachment.dhash'])
        .orderBy('attachment.id', 'ASC');
}

/** Every attachment with one of these SHA-256 digests (IDX_attachment_sha256). */
export function exactCopiesQuery(manager: EntityManager, digests: string[]): SelectQueryBuilder<Attachment> {
    return probeQuery(manager).where('attachment.sha256 IN (:...digests)', {
        digests: [...new Set(digests)],
    });
}

/**
 * The candidates for near-identical pictures: every attachment sharing, in some band, a value
 * within the probing radius of one of these dHashes (one IDX_attachment_dhash_bandN per band).
 */
export function similarCandidatesQuery(
    manager: EntityManager,
    dhashes: string[],
    threshold: number
): SelectQueryBuilder<Attachment> {
    const radius = Math.floor(threshold / BANDS);
    const probes: number[][] = [[], [], [], []];
    for (const dhash of dhashes) {
        dhashBands(dhash).forEach((band, i) => probes[i].push(...bandNeighbours(band, radius)));
    }
    return probeQuery(manager).where(
        new Brackets((qb) => {
            probes.forEach((values, i) =>
                qb.orWhere(`attachment.dhashBand${i} IN (:...band${i})`, {
                    [`band${i}`]: [...new Set(values)],
                })
            );
        })
    );
}

/**
 * The attachments of other disputes that reuse each given attachment's content: exact copies
 * (same SHA-256) and, for images, pictures whose dHash is within `threshold` bits.
 */
export async function findReuse(
    manager: EntityManager,
    attachments: Probe[],
    threshold: number
): Promise<Map<number, ReusedIn[]>> {
    const result = new Map<number, ReusedIn[]>(attachments.map((a) => [a.id, []]));
    if (attachments.length === 0) return result;
    const exact = await exactCopiesQuery(
        manager,
        attachments.map((a) => a.sha256)
    ).getMany();
    const dhashes = attachments.flatMap((a) => (a.dhash ? [a.dhash] : []));
    const similar = dhashes.length ? await similarCandidatesQuery(manager, dhashes, threshold).getMany() : [];

    for (const attachment of attachments) {
        const matches = result.get(attachment.id)!;
        const seen = new Set<number>();
        for (const other of exact) {
            if (other.disputeId === attachment.disputeId || other.sha256 !== attachment.sha256) continue;
            seen.add(other.id);
            matches.push({ attachmentId: other.id, disputeId: other.disputeId, match: 'exact', distance: 0 });
        }
        if (!attachment.dhash) continue;
        for (const other of similar) {
            if (other.disputeId === attachment.disputeId || seen.has(other.id) || !other.dhash) continue;
            const distance = hammingDistance(attachment.dhash, other.dhash);
            if (distance > threshold) continue;
            seen.add(other.id);
            matches.push({ attachmentId: other.id, disputeId: other.disputeId, match: 'similar', distance });
        }
    }
    return result;
}
