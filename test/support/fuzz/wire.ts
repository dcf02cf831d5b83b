import http from 'node:http';

/**
 * What goes on the wire, byte for byte: JSON text that JSON.stringify cannot
 * produce (1e400, -0, thousands of nesting levels), percent-escapes that are
 * malformed on purpose, and a plain HTTP client that sends them unchanged
 * (supertest would re-encode the URL and refuse a lone surrogate).
 */

/** A piece of JSON text put into a body as is. */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text.length > 60 ? `${this.text.slice(0, 40)}…(${this.text.length} chars)` : this.text;
  }
}

/** A query or path value sent exactly as given (already percent-encoded, or malformed on purpose). */
export class RawWire {
  constructor(readonly text: string) {}
}

export function serialize(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : serialize(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`)
      .join(',')}}`;
  }
  // JSON.stringify escapes lone surrogates as \udXXX (well-formed JSON), which is what we want to send.
  return JSON.stringify(value) ?? 'null';
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encoding of every UTF-16 code unit, lone surrogates included (as
 * their 3-byte "WTF-8" form, which is not valid UTF-8): encodeURIComponent
 * throws on those.
 */
export function percentEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    if (UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    const bytes: number[] =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

export const wire = (v: string | RawWire): string => (v instanceof RawWire ? v.text : percentEncode(v));

export interface WireRequest {
  method: string;
  /** Path and query string, exactly as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  text: string;
  json: unknown;
  headers: http.IncomingHttpHeaders;
}

export class WireClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  send(req: WireRequest, timeoutMs = 20_000): Promise<WireResponse> {
    return new Promise((resolve, reject) => {
      const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
      const r = http.request(
        {
          host: this.host,
          port: this.port,
          method: req.method,
          path: req.url,
          agent: this.agent,
          headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, text, json, headers: res.headers });
          });
          res.on('error', reject);
        },
      );
      r.setTimeout(timeoutMs, () => r.destroy(new Error(`no response within ${timeoutMs} ms`)));
      r.on('error', reject);
      if (body) r.write(body);
      r.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
