import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/dbKind';

/** One attempt to deliver an outbox event. */
@Entity('webhook_delivery')
export class WebhookDelivery {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    outboxEventId!: number;

    @Column('integer')
    attempt!: number;

    @Column('integer', { nullable: true })
    responseStatus!: number | null;

    @Column('text', { nullable: true })
    error!: string | null;

    /** The receiver's answer, truncated. */
    @Column('text', { nullable: true })
    responseBody!: string | null;

    @Column('integer')
    durationMs!: number;

    @Column(TIMESTAMP)
    attemptedAt!: Date;
}
