import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MessageAuthorKind, MessageVisibility } from '../../../shared/domain';
import { TIMESTAMP } from '../db/dbKind';

@Entity('message')
export class Message {
    @PrimaryGeneratedColumn('increment')
    id!: number;

    @Index()
    @Column('integer')
    disputeId!: number;

    @Column('varchar', { length: 10 })
    authorKind!: MessageAuthorKind;

    @Column('integer', { nullable: true })
    authorStaffId!: number | null;

    @Column('varchar', { length: 10 })
    visibility!: MessageVisibility;

    @Column('text')
    body!: string;

    @CreateDateColumn({ type: TIMESTAMP })
    createdAt!: Date;
}
