import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const TERM_SOURCES = ['rotation', 'designated', 'historical', 'extension'] as const;
export type TermSource = (typeof TERM_SOURCES)[number];

/** A member state's presidency over a half-open tstzrange "[start,end)". */
@Entity('presidency_terms')
export class PresidencyTerm {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') participantId: string;
  @Column('text') holderKind: 'member_state';
  @Column('tstzrange') period: string;
  @Column('text') source: TermSource;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
