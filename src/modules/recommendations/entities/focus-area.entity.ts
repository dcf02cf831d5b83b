import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('focus_areas')
export class FocusArea {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('text') code: string;
  @Column('text') title: string;
}
