import {
    Column,
    CreateDateColumn,
    Entity,
    Index,
    JoinColumn,
    ManyToOne,
    PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { PaymentMethod } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';
import { Buyer } from './Buyer';
import { Seller } from './Seller';

@Entity('order')
export class Order {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index({ unique: true })
    @Column('varchar', { length: 64 })
    externalId!: string;

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

    @Column('varchar', { length: 300 })
    productTitle!: string;

    @Column('integer')
    quantity!: number;

    /** Minor units of `currency`. */
    @Column('integer')
    unitPrice!: number;

    @Index()
    @Column('integer')
    total!: number;

    @Column('varchar', { length: 3 })
    currency!: string;

    @Column('varchar', { length: 20 })
    paymentMethod!: PaymentMethod;

    @Column(TIMESTAMP, { nullable: true })
    shippedAt!: Date | null;

    @Index('IDX_order_tracking_number')
    @Column('varchar', { length: 64, nullable: true })
    trackingNumber!: string | null;

    /** Receipt confirmed by the buyer. */
    @Column(TIMESTAMP, { nullable: true })
    completedAt!: Date | null;

    @Column(TIMESTAMP)
    protectionEndsAt!: Date;

    @Index()
    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
