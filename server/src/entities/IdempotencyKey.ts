import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/dbKind';

/** The first answer to an idempotent POST, replayed for a retry with the same key. */
@Entity('idempotency_key')
@Index('IDX_idempotency_scope_key', ['scope', 'key'], { unique: true })
export class IdempotencyKey {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    /** Method and route the key was used on. */
    @Column('varchar', { length: 120 })
    scope!: string;

    @Column('varchar', { length: 255 })
    key!: string;

    @Column('varchar', { length: 64 })
    requestHash!: string;

    /** Null while the first request is still being processed. */
    @Column('integer', { nullable: true })
    responseStatus!: number | null;

    @Column('text', { nullable: true })
    responseBody!: string | null;

    /** The server process that claimed the key (null: answered before claims had owners). */
    @Column('varchar', { length: 36, nullable: true })
    bootId!: string | null;

    @Column(TIMESTAMP)
    createdAt!: Date;
}
