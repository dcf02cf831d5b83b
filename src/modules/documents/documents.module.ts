import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { DocumentStoreModule } from './store/document-store.module.js';

/** Meeting papers: upload, versions, download, visibility; the bytes in the document store. */
@Module({
  imports: [DocumentStoreModule],
  controllers: [DocumentsController],
  providers: [DocumentsRepository, DocumentsService],
  exports: [DocumentsRepository, DocumentStoreModule],
})
export class DocumentsModule {}
