import { hashSecretToken, newSecretToken } from './secret-token.js';

describe('secret tokens', () => {
  it('are 32 random bytes in base64url, different each time', () => {
    const a = newSecretToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newSecretToken()).not.toBe(a);
  });

  it('are stored as their SHA-256 in hex, never as themselves', () => {
    const token = newSecretToken();
    const hash = hashSecretToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashSecretToken(token));
    expect(hash).not.toContain(token);
  });
});
