import { Module } from '@nestjs/common';
import { CouncilsModule } from '../councils/councils.module.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { DocumentStoreModule } from './store/document-store.module.js';

/** Meeting papers: upload, versions, download, visibility; the bytes in the document store. */
@Module({
  imports: [DocumentStoreModule, CouncilsModule],
  controllers: [DocumentsController],
  providers: [DocumentsRepository, DocumentsService],
  exports: [DocumentsRepository, DocumentStoreModule],
})
export class DocumentsModule {}
