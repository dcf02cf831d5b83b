import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { PACK_LANGUAGES, type PackLanguage } from '../entities/meeting-pack.entity.js';

export class MeetingPackQuery {
  @ApiPropertyOptional({
    enum: PACK_LANGUAGES,
    description:
      "The pack's language: of the cover, the agenda and the papers (a paper missing in it: the council's first working language, marked on the cover). Defaults to the council's first working language",
  })
  @Optional()
  @IsIn(PACK_LANGUAGES)
  lang?: PackLanguage;
}
