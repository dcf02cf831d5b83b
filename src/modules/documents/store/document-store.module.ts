import { Module } from '@nestjs/common';
import { DOCUMENT_STORE } from './document-store.js';
import { PgDocumentStore } from './pg-document-store.js';

/** The document store (PostgreSQL by default), for the API and for the worker (the meeting pack reads papers). */
@Module({
  providers: [PgDocumentStore, { provide: DOCUMENT_STORE, useExisting: PgDocumentStore }],
  exports: [DOCUMENT_STORE],
})
export class DocumentStoreModule {}
