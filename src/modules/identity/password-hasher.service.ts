import { Injectable } from '@nestjs/common';
import { argon2id, hash as argonHash, verify as argonVerify } from 'argon2';

/**
 * The hash of a random string nobody knows, made with the same parameters as
 * real hashes (argon2id, 64 MiB, 3 passes, 4 lanes): verifying against it costs
 * what a real verification costs.
 */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$tPAOpxTqtzAjlZmBz1I8mA$EVqzRW9V50RgLboaBJB3NB0+R+Z7qERL4VjmmHH3Iy8';

/** argon2id hashes of passwords (the library's defaults: 64 MiB, 3 passes, 4 lanes). */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argonHash(password, { type: argon2id });
  }

  /** False for a wrong password or a hash that cannot be read. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argonVerify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of one verification when there is no hash to check (unknown
   * email, no password yet), so response times do not tell accounts apart.
   */
  async verifyDummy(password: string): Promise<void> {
    await this.verify(DUMMY_HASH, password);
  }
}
