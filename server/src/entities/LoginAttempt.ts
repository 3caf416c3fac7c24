import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/dbKind';

/** One sign-in attempt, for per-account and per-IP throttling shared by all server processes. */
@Entity('login_attempt')
@Index('IDX_login_attempt_email', ['email', 'at'])
@Index('IDX_login_attempt_ip', ['ip', 'at'])
export class LoginAttempt {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    /** Lower-cased, whether or not an account has it. */
    @Column('varchar', { length: 254 })
    email!: string;

    @Column('varchar', { length: 64 })
    ip!: string;

    @Column('boolean')
    succeeded!: boolean;

    @Column(TIMESTAMP)
    at!: Date;
}
