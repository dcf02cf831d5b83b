import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const WORKING_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type WorkingLanguage = (typeof WORKING_LANGUAGES)[number];
export const ROTATION_POLICIES = ['fixed_order', 'designated'] as const;
export type RotationPolicy = (typeof ROTATION_POLICIES)[number];

@Entity('councils')
export class Council {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('text') name: string;
  @Column('text', { array: true }) workingLanguages: WorkingLanguage[];
  @Column('integer') termMonths: number;
  @Column('text') rotationPolicy: RotationPolicy;
  @Column('numeric', { precision: 4, scale: 3, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  quorumRatio: number;
  @Column('text') timeZone: string;
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
