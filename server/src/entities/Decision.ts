import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionStatus, Outcome, Party } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

@Entity('decision')
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
    rejectionReason!: string | null;

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
