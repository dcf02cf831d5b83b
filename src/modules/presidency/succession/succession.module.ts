import { Module } from '@nestjs/common';
import { SuccessionController } from './succession.controller.js';
import { SuccessionRepository } from './succession.repository.js';
import { SuccessionService } from './succession.service.js';

/** Presidency succession: who follows a term (rotation, waivers, designations). The transfer uses it (TransferModule). */
@Module({
  controllers: [SuccessionController],
  providers: [SuccessionRepository, SuccessionService],
  exports: [SuccessionRepository, SuccessionService],
})
export class SuccessionModule {}
