import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../../../shared/domain';
import type { Locale } from '../../../shared/schemas/preferences';
import { TIMESTAMP } from '../db/dbKind';

@Entity('staff')
export class Staff {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index({ unique: true })
    @Column('varchar', { length: 254 })
    email!: string;

    @Column('varchar', { length: 120 })
    fullName!: string;

    @Column('varchar', { length: 20 })
    role!: Role;

    /** scrypt$N$r$p$salt$hash — never leaves the server. */
    @Column('varchar', { length: 255, select: false })
    passwordHash!: string;

    @Column('boolean', { default: true })
    active!: boolean;

    /** The console's language for this staff member (shared/schemas/preferences.ts). */
    @Column('varchar', { length: 5, default: 'en' })
    locale!: Locale;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;

    @UpdateDateColumn({ type: TIMESTAMP })
    updatedAt!: Date;
}
