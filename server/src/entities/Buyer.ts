import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/dbKind';

@Entity('buyer')
export class Buyer {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    /** The marketplace's own id for this buyer. */
    @Index({ unique: true })
    @Column('varchar', { length: 64 })
    externalId!: string;

    @Index()
    @Column('varchar', { length: 120 })
    name!: string;

    @Index()
    @Column('varchar', { length: 2 })
    country!: string;

    @Column('integer', { default: 0 })
    ordersCount!: number;

    @Column('integer', { default: 0 })
    disputesCount!: number;

    /** Disputes opened within policy.ratingRecentDays (kept by the ratings timer as they age). */
    @Column('integer', { default: 0 })
    disputes90dCount?: number;

    /** Disputes the buyer escalated to the platform. */
    @Column('integer', { default: 0 })
    escalationsCount?: number;

    /** Disputes per thousand orders (shared/reputation.ts). */
    @Column('integer', { default: 0 })
    disputeRatePermille?: number;

    /** 0–100, the desk's own reputation score (shared/reputation.ts, the README's "Ratings"). */
    @Column('integer', { default: 100 })
    score?: number;

    /** When the ratings timer must look at this buyer again (a dispute leaves a window); null: never. */
    @Column(TIMESTAMP, { nullable: true })
    ratingsDueAt?: Date | null;

    /** Outcomes of rulings: full refund (won), partial, none (lost). */
    @Column('integer', { default: 0 })
    disputesWonCount!: number;

    @Column('integer', { default: 0 })
    disputesPartialCount!: number;

    @Column('integer', { default: 0 })
    disputesLostCount!: number;

    /** Penalties for keeping a dispute open after being satisfied. */
    @Column('integer', { default: 0 })
    penaltyCount!: number;

    /** 0–100: the marketplace's buyer rating. */
    @Column('integer', { default: 100 })
    rating!: number;

    /** Frequent disputer ("bad karma"). */
    @Index()
    @Column('boolean', { default: false })
    flagged!: boolean;

    @Column('varchar', { length: 500, nullable: true })
    flagReason!: string | null;

    @Column('boolean', { default: false })
    blocked!: boolean;

    @Column('varchar', { length: 500, nullable: true })
    blockReason!: string | null;

    @Column(TIMESTAMP, { nullable: true })
    blockedAt?: Date | null;

    @Column('integer', { nullable: true })
    blockedById?: number | null;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
