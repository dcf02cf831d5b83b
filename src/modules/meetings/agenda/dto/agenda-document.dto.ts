import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUrl, MaxLength } from 'class-validator';

/** A document attached to an agenda item: a title and an http(s) link. */
export class AgendaDocumentDto {
  @ApiProperty({ maxLength: 300 }) @IsString() @IsNotEmpty() @MaxLength(300) title: string;

  @ApiProperty({ maxLength: 2000, example: 'https://docs.example.org/paper.pdf' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) link' })
  @MaxLength(2000)
  url: string;
}
