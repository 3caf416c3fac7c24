import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../db/dbKind';

/** Lets one server process at a time run a scheduled job. */
@Entity('job_lease')
export class JobLease {
    @PrimaryColumn('varchar', { length: 60 })
    name!: string;

    @Column('varchar', { length: 100, nullable: true })
    holder!: string | null;

    @Column(TIMESTAMP, { nullable: true })
    leaseUntil!: Date | null;

    @Column(TIMESTAMP, { nullable: true })
    lastRunAt!: Date | null;
}
