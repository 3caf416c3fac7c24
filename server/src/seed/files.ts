import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { AttachmentKind, DisputeReason } from '../../../shared/domain';
import type { Storage } from '../storage/Storage';
import { buildPdf, type PdfLine } from './pdf';
import { drawScene, SCENES, type Scene } from './pictures';
import { Random } from './random';

/** A file in storage, described the way an Attachment row needs it. */
export interface StoredFile {
    key: string;
    fileName: string;
    mimeType: string;
    kind: AttachmentKind;
    size: number;
    sha256: string;
}

const KINDS: Record<string, AttachmentKind> = { image: 'image', video: 'video', application: 'pdf' };

const EXTENSIONS: Record<string, string> = {
    'image/png': 'png',
    'image/jpeg': 'jpg',
    'video/mp4': 'mp4',
    'video/webm': 'webm',
    'application/pdf': 'pdf',
};

/** Committed fixtures (made once with ffmpeg): real camera-style JPEGs and short videos. */
const FIXTURES = [
    { file: 'damaged-parcel.jpg', mimeType: 'image/jpeg', kind: 'image', scene: 'crushed_parcel' },
    { file: 'cracked-screen.jpg', mimeType: 'image/jpeg', kind: 'image', scene: 'cracked_screen' },
    { file: 'unboxing.mp4', mimeType: 'video/mp4', kind: 'video' },
    { file: 'unboxing.webm', mimeType: 'video/webm', kind: 'video' },
] as const;

const VARIANTS_PER_SCENE = 3;

/** The buyer's photos for each reason received goods can have. */
const SCENES_FOR_REASON: Partial<Record<DisputeReason, Scene[]>> = {
    defective: ['cracked_screen', 'poor_stitching'],
    not_as_described: ['counterfeit_logo', 'wrong_size'],
    counterfeit: ['counterfeit_logo'],
    wrong_size: ['wrong_size'],
    wrong_color: ['wrong_color'],
    damaged_in_transit: ['crushed_parcel'],
    low_quality: ['poor_stitching'],
    quantity_short: ['short_quantity'],
    missing_parts: ['missing_parts'],
};

/**
 * Evidence files shared by the demo disputes. Content is stored once under a key derived from its
 * SHA-256, so re-seeding is idempotent and many attachment rows can point to the same bytes.
 */
export class FileLibrary {
    private readonly photos = new Map<Scene, StoredFile[]>();
    private readonly videos: StoredFile[] = [];

    constructor(private readonly storage: Storage) {}

    async load(): Promise<this> {
        for (const scene of SCENES) {
            for (let variant = 0; variant < VARIANTS_PER_SCENE; variant++) {
                const png = drawScene(scene, new Random(1000 + SCENES.indexOf(scene) * 10 + variant)).toPng();
                this.addPhoto(
                    scene,
                    await this.store(png, `${scene.replaceAll('_', '-')}-${variant + 1}.png`, 'image/png')
                );
            }
        }
        for (const fixture of FIXTURES) {
            const content = await fs.readFile(new URL(`./assets/${fixture.file}`, import.meta.url));
            const file = await this.store(content, fixture.file, fixture.mimeType);
            if (fixture.kind === 'video') this.videos.push(file);
            else this.addPhoto(fixture.scene, file);
        }
        return this;
    }

    /** Photos a buyer would take for this reason (received goods only). */
    buyerPhotos(random: Random, reason: DisputeReason, count: number): StoredFile[] {
        const scenes = SCENES_FOR_REASON[reason] ?? ['shipping_label'];
        const pool = scenes.flatMap((scene) => this.photos.get(scene) ?? []);
        return random.shuffle(pool).slice(0, count);
    }

    photo(random: Random, scene: Scene): StoredFile {
        return random.pick(this.photos.get(scene) ?? []);
    }

    video(random: Random): StoredFile {
        return random.pick(this.videos);
    }

    /** A one-page PDF (tracking printout, receipt) stored like any other file. */
    pdf(fileName: string, lines: readonly PdfLine[]): Promise<StoredFile> {
        return this.store(buildPdf(lines), fileName, 'application/pdf');
    }

    private addPhoto(scene: Scene, file: StoredFile): void {
        this.photos.set(scene, [...(this.photos.get(scene) ?? []), file]);
    }

    private async store(content: Buffer, fileName: string, mimeType: string): Promise<StoredFile> {
        const sha256 = createHash('sha256').update(content).digest('hex');
        const key = `demo/${sha256.slice(0, 2)}/${sha256}.${EXTENSIONS[mimeType]}`;
        const existing = await this.storage.stat(key);
        if (existing?.size !== content.length) await this.storage.put(key, content);
        const kind = KINDS[mimeType.split('/')[0]] ?? 'pdf';
        return { key, fileName, mimeType, kind, size: content.length, sha256 };
    }
}
