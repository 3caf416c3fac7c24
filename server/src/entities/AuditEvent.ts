import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/dbKind';

/** Append-only, hash-chained record of every state change and security event. */
@Entity('audit_event')
@Index('IDX_audit_entity', ['entity', 'entityId'])
export class AuditEvent {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column(TIMESTAMP)
    occurredAt!: Date;

    @Index()
    @Column('integer', { nullable: true })
    actorId!: number | null;

    /** staff role, or `system` / `marketplace`. */
    @Column('varchar', { length: 20 })
    actorRole!: string;

    @Index()
    @Column('varchar', { length: 60 })
    action!: string;

    @Column('varchar', { length: 40 })
    entity!: string;

    @Column('varchar', { length: 64, nullable: true })
    entityId!: string | null;

    @Column('simple-json', { nullable: true })
    before!: Record<string, unknown> | null;

    @Column('simple-json', { nullable: true })
    after!: Record<string, unknown> | null;

    @Column('varchar', { length: 64, nullable: true })
    requestId!: string | null;

    @Column('varchar', { length: 64, nullable: true })
    ip!: string | null;

    /** success, denied, failure */
    @Column('varchar', { length: 10 })
    outcome!: string;

    @Column('varchar', { length: 64 })
    prevHash!: string;

    @Column('varchar', { length: 64 })
    hash!: string;
}
