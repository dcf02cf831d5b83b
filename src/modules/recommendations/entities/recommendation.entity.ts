import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { FocusArea } from './focus-area.entity.js';

@Entity('recommendations')
@Unique('recommendations_council_number_key', ['councilId', 'number'])
@Check('recommendations_number_positive', `number > 0`)
export class Recommendation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') focusAreaId: string;
  @Column('integer') number: number;
  @Column('text') title: string;
  @Column('text') body: string;
  @Column('text', { nullable: true }) whoShouldAct: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => FocusArea, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'focus_area_id', referencedColumnName: 'id', foreignKeyConstraintName: 'recommendations_focus_area_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  focusArea?: FocusArea;
}
