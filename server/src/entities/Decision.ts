import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionStatus, DisputeReason, Outcome, Party } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

/** A ruling. The dispute's reason, received flag and order total are copied in for precedent search. */
@Entity('decision')
@Index('IDX_decision_precedent', ['reason', 'goodsReceived', 'currency', 'status', 'issuedAt'])
@Index('IDX_decision_mediator_issued', [
    'mediatorId',
    'issuedAt',
    'status',
    'slaBreached',
    'reason',
    'refundPercent',
    'hoursToDecision',
])
@Index('IDX_decision_issued_quality', [
    'issuedAt',
    'status',
    'mediatorId',
    'slaBreached',
    'reason',
    'refundPercent',
    'hoursToDecision',
])
@Index('IDX_decision_refund_percent', ['refundPercent', 'id'])
@Index('IDX_decision_hours_to_decision', ['hoursToDecision', 'id'])
export class Decision {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    disputeId!: number;

    @Index()
    @Column('integer')
    mediatorId!: number;

    @Column('integer')
    refundAmount!: number;

    @Column('varchar', { length: 40, nullable: true })
    reason!: DisputeReason | null;

    @Column('boolean', { nullable: true })
    goodsReceived!: boolean | null;

    @Column('integer', { nullable: true })
    orderTotal!: number | null;

    /** The refund as a whole percentage of the order total, written at ruling time (the audit sorts on it). */
    @Column('integer', { nullable: true })
    refundPercent!: number | null;

    /** Whole hours from the dispute's escalation to the ruling; null when it never escalated. */
    @Column('integer', { nullable: true })
    hoursToDecision!: number | null;

    /** The dispute's review SLA target had passed when the ruling was made. */
    @Column('boolean', { default: false })
    slaBreached!: boolean;

    @Column('varchar', { length: 3 })
    currency!: string;

    @Column('varchar', { length: 20 })
    outcome!: Outcome;

    @Column('boolean')
    returnRequired!: boolean;

    /** Who pays the return shipping when a return is ordered (the buyer unless ruled otherwise). */
    @Column('varchar', { length: 10, nullable: true })
    returnShippingPaidBy!: Party | null;

    @Column('text')
    rationaleBuyer!: string;

    @Column('text')
    rationaleSeller!: string;

    /** Ids of the attachments the ruling relies on. */
    @Column('simple-json')
    evidenceIds!: number[];

    @Index()
    @Column('varchar', { length: 20 })
    status!: DecisionStatus;

    @Column('integer', { nullable: true })
    approverId!: number | null;

    @Column(TIMESTAMP, { nullable: true })
    approvedAt!: Date | null;

    @Column('text', { nullable: true })
    approvalComment!: string | null;

    @Column('text', { nullable: true })
    rejectionReason!: string | null;

    /** The return's tracking, when the goods had to come back before the refund. */
    @Column('varchar', { length: 64, nullable: true })
    returnTrackingNumber!: string | null;

    @Column('varchar', { length: 64, nullable: true })
    returnCarrier!: string | null;

    @Column(TIMESTAMP, { nullable: true })
    returnShippedAt!: Date | null;

    @Column('text', { nullable: true })
    overturnReason!: string | null;

    @Column('integer', { nullable: true })
    overturnedById!: number | null;

    /** The earlier ruling this one replaces after an overturn. */
    @Column('integer', { nullable: true })
    supersedesId!: number | null;

    @Column(TIMESTAMP, { nullable: true })
    issuedAt!: Date | null;

    @Index()
    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
