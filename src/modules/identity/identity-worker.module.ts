import { Module } from '@nestjs/common';
import { PasswordLinkKind } from './password-link.kind.js';
import { PasswordLinksRepository } from './password-links.repository.js';

/** The worker side of identity: the kind that emails one-time password links (imported by the notifications worker). */
@Module({
  providers: [PasswordLinkKind, PasswordLinksRepository],
})
export class IdentityWorkerModule {}
