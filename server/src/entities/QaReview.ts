import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { QaVerdict } from '../../../shared/schemas/qa';
import { TIMESTAMP } from '../db/dbKind';

/** A decision drawn into a supervisor's random QA sample, and that reviewer's verdict on it. */
@Entity('qa_review')
@Index('IDX_qa_review_reviewer', ['reviewerId', 'answeredAt'])
export class QaReview {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    /** A decision is sampled once, ever. */
    @Index('UQ_qa_review_decision', { unique: true })
    @Column('integer')
    decisionId!: number;

    @Column('integer')
    reviewerId!: number;

    /** The draw this review came from (every review of one POST /api/qa-samples shares it). */
    @Index('IDX_qa_review_sample')
    @Column('varchar', { length: 36 })
    sampleId!: string;

    /** Null until the reviewer answers. */
    @Column('varchar', { length: 10, nullable: true })
    verdict!: QaVerdict | null;

    @Column('text', { nullable: true })
    comment!: string | null;

    @Column(TIMESTAMP)
    createdAt!: Date;

    @Column(TIMESTAMP, { nullable: true })
    answeredAt!: Date | null;
}
