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

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
