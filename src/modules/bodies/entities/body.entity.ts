import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const BODY_KINDS = ['working_group', 'task_force', 'thematic_network'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_STATUSES = ['active', 'closed'] as const;
export type BodyStatus = (typeof BODY_STATUSES)[number];

@Entity('bodies')
export class Body {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('text') kind: BodyKind;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  /** Calendar dates as YYYY-MM-DD strings. */
  @Column('date', { nullable: true }) mandateStart: string | null;
  @Column('date', { nullable: true }) mandateEnd: string | null;
  @Column('text') status: BodyStatus;
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
