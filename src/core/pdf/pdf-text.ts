/**
 * The PDFs are written with the PDF standard fonts (Helvetica, no file to embed), whose encoding is WinAnsi
 * (Windows-1252): it holds every letter of Spanish, English, French and Portuguese (á é í ó ú ñ ç ã õ ê ü œ « » ’ — …).
 * A character outside it (a name in another script, an arrow) would come out as garbage, so it is replaced:
 * by its base letter when it has one (Ō → O), else by "?". Pure.
 */

/** The code points above 0xFF that WinAnsi holds (in 0x80–0x9F). */
const WIN_ANSI_HIGH = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022,
  0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;

function encodable(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a) return true;
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x80) return true;
  if (cp < 0xa0) return false; // C1 controls: WinAnsi puts other characters there (listed above by their Unicode value)
  if (cp <= 0xff) return true;
  return WIN_ANSI_HIGH.has(cp);
}

/** The text with every character the standard fonts cannot show replaced (base letter, else "?"); line breaks as \n. */
export function winAnsi(text: string): string {
  const normalized = text.normalize('NFC').replace(LINE_BREAKS, '\n').replace(SPACES, ' ');
  let out = '';
  for (const ch of normalized) {
    const cp = ch.codePointAt(0)!;
    if (encodable(cp)) {
      out += ch;
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue; // controls: dropped
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every((c) => encodable(c.codePointAt(0)!)) ? base : '?';
  }
  return out;
}
