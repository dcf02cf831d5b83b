import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { CreateSeriesDto } from './dto/create-series.dto.js';
import { ListSeriesQuery } from './dto/list-series.query.js';
import { SeriesListResponse } from './dto/series-list.response.js';
import { SeriesVersionDto } from './dto/series-version.dto.js';
import { SeriesResponse } from './dto/series.response.js';
import { UpdateSeriesDto } from './dto/update-series.dto.js';
import { SeriesService } from './series.service.js';

@ApiTags('meeting series')
@Controller('councils/:councilId/series')
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  @Post()
  @RequirePermission('meeting.manage')
  @ApiOperation({
    summary:
      "Create a recurring series (weekly every n weeks, or monthly on the nth/last weekday) and its occurrences as draft meetings at the local start time in the series' zone (DST-aware); at most 60 occurrences within 24 months → else 400 naming the field",
  })
  @ApiCreatedResponse({ type: SeriesResponse })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateSeriesDto): Promise<SeriesResponse> {
    return this.series.create(councilId, dto);
  }

  @Get()
  @RequirePermission('meeting.read')
  @ApiOperation({
    summary:
      "The council's meeting series with their occurrences, by first date then id, keyset-paged (limit ≤ 200, default 50; pass nextCursor back as cursor)",
  })
  @ApiOkResponse({ type: SeriesListResponse })
  list(@UuidParam('councilId') councilId: string, @Query() query: ListSeriesQuery): Promise<SeriesListResponse> {
    return this.series.list(councilId, query);
  }

  @Get(':seriesId')
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: 'One series with its occurrences, each flagged moved when it is not where the rule puts it' })
  @ApiOkResponse({ type: SeriesResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('seriesId') seriesId: string): Promise<SeriesResponse> {
    return this.series.get(councilId, seriesId);
  }

  @Patch(':seriesId')
  @RequirePermission('meeting.manage')
  @ApiOperation({
    summary:
      'Change the title, time, duration, zone, venue or link of the series (requires version): future draft occurrences that still follow the series take the change; moved, cancelled, convened and past ones keep theirs',
  })
  @ApiOkResponse({ type: SeriesResponse })
  update(@UuidParam('councilId') councilId: string, @UuidParam('seriesId') seriesId: string, @Body() dto: UpdateSeriesDto): Promise<SeriesResponse> {
    return this.series.update(councilId, seriesId, dto);
  }

  @Post(':seriesId/end')
  @HttpCode(200)
  @RequirePermission('meeting.manage')
  @ApiOperation({ summary: 'End the series (requires version): its future draft occurrences are cancelled; held, convened and past ones are kept' })
  @ApiOkResponse({ type: SeriesResponse })
  end(@UuidParam('councilId') councilId: string, @UuidParam('seriesId') seriesId: string, @Body() dto: SeriesVersionDto): Promise<SeriesResponse> {
    return this.series.end(councilId, seriesId, dto);
  }
}
