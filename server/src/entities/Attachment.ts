import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AttachmentKind, AttachmentUploader, ReviewStatus } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

@Entity('attachment')
export class Attachment {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    disputeId!: number;

    @Column('varchar', { length: 10 })
    uploadedBy!: AttachmentUploader;

    @Column('integer', { nullable: true })
    uploaderStaffId!: number | null;

    @Column('varchar', { length: 10 })
    kind!: AttachmentKind;

    @Column('varchar', { length: 255 })
    fileName!: string;

    /** Detected from the content, never from the name. */
    @Column('varchar', { length: 100 })
    mimeType!: string;

    @Column('integer')
    size!: number;

    /** Indexed: the same bytes in another dispute are reused evidence. */
    @Index('IDX_attachment_sha256')
    @Column('varchar', { length: 64 })
    sha256!: string;

    /** Images: 64-bit difference hash (16 hex digits) of the picture, for near-duplicates. */
    @Column('varchar', { length: 16, nullable: true })
    dhash!: string | null;

    /**
     * The dHash's four 16-bit bands, each indexed: two hashes within a Hamming distance of 3 share
     * at least one band exactly, so candidates are found by index and their distance then computed.
     */
    @Index('IDX_attachment_dhash_band0')
    @Column('integer', { nullable: true })
    dhashBand0!: number | null;

    @Index('IDX_attachment_dhash_band1')
    @Column('integer', { nullable: true })
    dhashBand1!: number | null;

    @Index('IDX_attachment_dhash_band2')
    @Column('integer', { nullable: true })
    dhashBand2!: number | null;

    @Index('IDX_attachment_dhash_band3')
    @Column('integer', { nullable: true })
    dhashBand3!: number | null;

    @Column('varchar', { length: 255 })
    storageKey!: string;

    @Column('varchar', { length: 20, default: 'pending' })
    reviewStatus!: ReviewStatus;

    @Column('integer', { nullable: true })
    reviewerId!: number | null;

    @Column('text', { nullable: true })
    reviewNote!: string | null;

    @Column(TIMESTAMP, { nullable: true })
    reviewedAt!: Date | null;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
