import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DisputeStatus } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

/** A lifecycle step of a dispute, shown on its timeline. */
@Entity('dispute_event')
export class DisputeEvent {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    disputeId!: number;

    @Column('varchar', { length: 40 })
    action!: string;

    @Column('varchar', { length: 20, nullable: true })
    fromStatus!: DisputeStatus | null;

    @Column('varchar', { length: 20 })
    toStatus!: DisputeStatus;

    /** staff, buyer, seller, system */
    @Column('varchar', { length: 10 })
    actorKind!: string;

    @Column('integer', { nullable: true })
    actorStaffId!: number | null;

    @Column('text', { nullable: true })
    note!: string | null;

    @Column(TIMESTAMP)
    occurredAt!: Date;
}
