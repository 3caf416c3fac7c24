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

    @Column('varchar', { length: 64 })
    sha256!: string;

    @Column('varchar', { length: 255 })
    storageKey!: string;

    @Column('varchar', { length: 10, default: 'pending' })
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
