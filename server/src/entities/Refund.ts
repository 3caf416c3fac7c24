import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RefundDestination, RefundStatus } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

@Entity('refund')
@Index('IDX_refund_due', ['status', 'dueBy'])
export class Refund {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    disputeId!: number;

    /** Null when no ruling was needed (seller timeout, agreement). */
    @Column('integer', { nullable: true })
    decisionId!: number | null;

    @Column('integer')
    amount!: number;

    @Column('varchar', { length: 3 })
    currency!: string;

    @Column('varchar', { length: 20 })
    destination!: RefundDestination;

    @Index()
    @Column('varchar', { length: 10 })
    status!: RefundStatus;

    @Column(TIMESTAMP)
    requestedAt!: Date;

    /** requestedAt + the maximum refund time: later than this is an alert. */
    @Column(TIMESTAMP)
    dueBy!: Date;

    @Column(TIMESTAMP, { nullable: true })
    completedAt!: Date | null;

    /** The payment provider's reference given with the completion. */
    @Column('varchar', { length: 128, nullable: true })
    reference!: string | null;

    /** Set by the overdue timer once the refund is still open after `dueBy`. */
    @Column(TIMESTAMP, { nullable: true })
    overdueAt!: Date | null;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
