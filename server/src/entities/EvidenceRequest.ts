import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceRequestStatus, EvidenceRequestTarget } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

@Entity('evidence_request')
@Index('IDX_evidence_request_due', ['status', 'dueAt'])
export class EvidenceRequest {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    disputeId!: number;

    @Column('varchar', { length: 10 })
    requestedFrom!: EvidenceRequestTarget;

    @Column('integer', { nullable: true })
    requestedById!: number | null;

    @Column('text')
    message!: string;

    @Column(TIMESTAMP)
    dueAt!: Date;

    @Column('varchar', { length: 10 })
    status!: EvidenceRequestStatus;

    /** For a request to both parties: who has answered so far. */
    @Column('boolean', { default: false })
    buyerAnswered!: boolean;

    @Column('boolean', { default: false })
    sellerAnswered!: boolean;

    @Column(TIMESTAMP, { nullable: true })
    fulfilledAt!: Date | null;

    /** When the parties still owing were reminded of the deadline (once per request). */
    @Column(TIMESTAMP, { nullable: true })
    reminderSentAt!: Date | null;

    @Column(TIMESTAMP, { nullable: true })
    cancelledAt!: Date | null;

    @Column('text', { nullable: true })
    cancelReason!: string | null;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
