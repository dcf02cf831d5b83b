import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Council } from '../../councils/entities/council.entity.js';

@Entity('focus_areas')
@Unique('focus_areas_id_council_key', ['id', 'councilId'])
@Unique('focus_areas_council_code_key', ['councilId', 'code'])
@Check('focus_areas_code_format', `code ~ '^[A-Z]{1,3}$'`)
export class FocusArea {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('text') code: string;
  @Column('text') title: string;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'focus_areas_council_id_fkey' })
  council?: Council;
}
