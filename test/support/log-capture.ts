import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line written to it, for assertions on what the API logs. */
export class LogCapture implements DestinationStream {
  private readonly chunks: string[] = [];

  write(msg: string): void {
    this.chunks.push(msg);
  }

  /** Everything logged so far. */
  text(): string {
    return this.chunks.join('');
  }

  /** The log lines so far, parsed. */
  lines(): Record<string, unknown>[] {
    return this.text()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}
