import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxStatus } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

/** A webhook to deliver, written in the same transaction as the change it announces. */
@Entity('outbox_event')
@Index('IDX_outbox_due', ['status', 'nextAttemptAt'])
@Index('IDX_outbox_dispute_order', ['disputeId', 'id'])
export class OutboxEvent {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Column('varchar', { length: 40 })
    type!: string;

    @Index()
    @Column('integer', { nullable: true })
    disputeId!: number | null;

    /** Who the payload is for: buyer, seller, or null for both. */
    @Column('varchar', { length: 10, nullable: true })
    audience!: string | null;

    @Column('simple-json')
    payload!: Record<string, unknown>;

    @Column('varchar', { length: 10 })
    status!: OutboxStatus;

    @Column('integer', { default: 0 })
    attempts!: number;

    @Column(TIMESTAMP)
    nextAttemptAt!: Date;

    @Column('text', { nullable: true })
    lastError!: string | null;

    @Column(TIMESTAMP, { nullable: true })
    deliveredAt!: Date | null;

    /** The worker that claimed the row, until `leaseUntil` (several processes never send one attempt twice). */
    @Column('varchar', { length: 64, nullable: true })
    leaseHolder!: string | null;

    @Column(TIMESTAMP, { nullable: true })
    leaseUntil!: Date | null;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
