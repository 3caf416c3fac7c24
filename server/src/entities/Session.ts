import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/dbKind';

/** A signed-in staff member. Only the SHA-256 of the cookie token is stored. */
@Entity('session')
export class Session {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index({ unique: true })
    @Column('varchar', { length: 64 })
    tokenHash!: string;

    @Index()
    @Column('integer')
    staffId!: number;

    @Column('varchar', { length: 64 })
    csrfToken!: string;

    @Column(TIMESTAMP)
    createdAt!: Date;

    @Column(TIMESTAMP)
    lastSeenAt!: Date;

    @Column(TIMESTAMP)
    absoluteExpiresAt!: Date;

    @Column(TIMESTAMP, { nullable: true })
    revokedAt!: Date | null;

    @Column('varchar', { length: 64, nullable: true })
    ip!: string | null;
}
