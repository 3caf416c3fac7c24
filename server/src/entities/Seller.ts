import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/dbKind';

@Entity('seller')
export class Seller {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index({ unique: true })
    @Column('varchar', { length: 64 })
    externalId!: string;

    @Index()
    @Column('varchar', { length: 120 })
    storeName!: string;

    @Column('varchar', { length: 2 })
    country!: string;

    /** Positive feedback, in tenths of a percent (0–1000). */
    @Column('integer', { default: 1000 })
    positiveFeedbackPermille!: number;

    @Column('integer', { default: 0 })
    ordersCount!: number;

    @Column('integer', { default: 0 })
    disputesCount!: number;

    /** Outcomes of rulings: full refund to the buyer (lost), partial, none (won). */
    @Column('integer', { default: 0 })
    disputesLostCount!: number;

    @Column('integer', { default: 0 })
    disputesPartialCount!: number;

    @Column('integer', { default: 0 })
    disputesWonCount!: number;

    /** Disputes resolved for the buyer because the seller never answered in time. */
    @Column('integer', { default: 0 })
    sellerTimeoutCount?: number;

    /** Disputes the buyer settled by accepting the seller's offer. */
    @Column('integer', { default: 0 })
    offersAcceptedCount?: number;

    /** Disputes per thousand orders (shared/reputation.ts). */
    @Column('integer', { default: 0 })
    disputeRatePermille?: number;

    /** 0–100 (shared/reputation.ts, the README's "Ratings"). */
    @Column('integer', { default: 100 })
    score?: number;

    /** When the ratings timer must look at this seller again; null: never. */
    @Column(TIMESTAMP, { nullable: true })
    ratingsDueAt?: Date | null;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
