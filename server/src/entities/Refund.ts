import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RefundDestination, RefundStatus } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

@Entity('refund')
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

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
