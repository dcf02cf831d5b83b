import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export const WORKING_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type WorkingLanguage = (typeof WORKING_LANGUAGES)[number];
export const ROTATION_POLICIES = ['fixed_order', 'designated'] as const;
export type RotationPolicy = (typeof ROTATION_POLICIES)[number];

@Entity('councils')
@Unique('councils_slug_key', ['slug'])
@Check('councils_slug_format', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('councils_name_not_blank', `btrim(name) <> ''`)
@Check('councils_working_languages_known', `cardinality(working_languages) > 0 AND working_languages <@ ARRAY['es','en','fr','pt']::text[]`)
@Check('councils_term_months_range', `term_months BETWEEN 1 AND 120`)
@Check('councils_rotation_policy_known', `rotation_policy IN ('fixed_order','designated')`)
@Check('councils_quorum_ratio_range', `quorum_ratio > 0 AND quorum_ratio <= 1`)
export class Council {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('text') name: string;
  @Column('text', { array: true, default: () => `'{es,en,fr,pt}'` }) workingLanguages: WorkingLanguage[];
  @Column('integer', { default: 24 }) termMonths: number;
  @Column('text', { default: 'fixed_order' }) rotationPolicy: RotationPolicy;
  @Column('numeric', { precision: 4, scale: 3, default: () => '0.75', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  quorumRatio: number;
  @Column('text', { default: 'UTC' }) timeZone: string;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
