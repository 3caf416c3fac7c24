import {
    Column,
    CreateDateColumn,
    Entity,
    Index,
    JoinColumn,
    ManyToOne,
    PrimaryGeneratedColumn,
    UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { DisputeReason, DisputeStatus, RequestedSolution, Resolution } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';
import { Buyer } from './Buyer';
import { Order } from './Order';
import { Seller } from './Seller';
import { Staff } from './Staff';

@Entity('dispute')
@Index('IDX_dispute_queue', ['status', 'slaDueAt'])
@Index('IDX_dispute_assignee', ['assigneeId', 'status'])
export class Dispute {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    orderId!: number;

    @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
    @JoinColumn({ name: 'orderId' })
    order?: Relation<Order>;

    /** Copied from the order so that lists filter and join without going through it. */
    @Index()
    @Column('integer')
    buyerId!: number;

    @ManyToOne(() => Buyer, { onDelete: 'RESTRICT' })
    @JoinColumn({ name: 'buyerId' })
    buyer?: Relation<Buyer>;

    @Index()
    @Column('integer')
    sellerId!: number;

    @ManyToOne(() => Seller, { onDelete: 'RESTRICT' })
    @JoinColumn({ name: 'sellerId' })
    seller?: Relation<Seller>;

    @Column('boolean')
    goodsReceived!: boolean;

    @Column('varchar', { length: 40 })
    reason!: DisputeReason;

    @Column('varchar', { length: 30 })
    requestedSolution!: RequestedSolution;

    /** Minor units of `currency` (the order's). */
    @Column('integer')
    requestedAmount!: number;

    @Column('varchar', { length: 3 })
    currency!: string;

    @Column('text')
    description!: string;

    @Column('varchar', { length: 20 })
    status!: DisputeStatus;

    /** How it ended when it ended without a ruling. */
    @Column('varchar', { length: 20, nullable: true })
    resolution!: Resolution | null;

    @Index()
    @Column(TIMESTAMP)
    openedAt!: Date;

    @Column(TIMESTAMP, { nullable: true })
    sellerRespondedAt!: Date | null;

    @Index()
    @Column(TIMESTAMP, { nullable: true })
    escalatedAt!: Date | null;

    @Column(TIMESTAMP, { nullable: true })
    decidedAt!: Date | null;

    @Column(TIMESTAMP, { nullable: true })
    closedAt!: Date | null;

    @Column('integer', { nullable: true })
    assigneeId!: number | null;

    @ManyToOne(() => Staff, { onDelete: 'RESTRICT', nullable: true })
    @JoinColumn({ name: 'assigneeId' })
    assignee?: Relation<Staff> | null;

    @Column(TIMESTAMP, { nullable: true })
    assignedAt!: Date | null;

    /** Platform review target; pushed back by the time a party owed evidence. */
    @Column(TIMESTAMP, { nullable: true })
    slaDueAt!: Date | null;

    @Column(TIMESTAMP, { nullable: true })
    slaHardDueAt!: Date | null;

    /** Set while a party owes evidence: the SLA clock is stopped. */
    @Column(TIMESTAMP, { nullable: true })
    slaPausedAt!: Date | null;

    @Column(TIMESTAMP, { nullable: true })
    slaTargetBreachedAt!: Date | null;

    @Column(TIMESTAMP, { nullable: true })
    slaHardBreachedAt!: Date | null;

    /** The buyer accepted a seller's offer: the dispute can never be reopened. */
    @Column('boolean', { default: false })
    offerAccepted!: boolean;

    /** When the dispute's refund was found still open past its due date. */
    @Column(TIMESTAMP, { nullable: true })
    refundOverdueAt!: Date | null;

    @Column('integer', { default: 0 })
    reopenCount!: number;

    @Column('integer', { default: 1 })
    version!: number;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;

    @UpdateDateColumn({ type: TIMESTAMP })
    updatedAt!: Date;
}
