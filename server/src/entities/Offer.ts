import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OfferStatus, Party, RequestedSolution } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

@Entity('offer')
export class Offer {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    disputeId!: number;

    @Column('varchar', { length: 10 })
    party!: Party;

    @Column('varchar', { length: 30 })
    solution!: RequestedSolution;

    @Column('integer')
    amount!: number;

    @Column('varchar', { length: 3 })
    currency!: string;

    @Column('text', { nullable: true })
    note!: string | null;

    @Column('varchar', { length: 20 })
    status!: OfferStatus;

    @Column(TIMESTAMP, { nullable: true })
    respondedAt!: Date | null;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
