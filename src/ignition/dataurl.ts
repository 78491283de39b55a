import { templateActions } from './template';

/** Characters left as they are in a data URL; everything else is percent-encoded. */
const SAFE = /[A-Za-z0-9\-_.~!*'()/:,;=]/;

function encodeChunk(text: string): string {
  let out = '';
  for (const ch of text) {
    if (SAFE.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A `data:,` URL (RFC 2397, percent-encoded) for Ignition file contents.
 * Go template actions (`{{...}}`) are kept verbatim so that Matchbox can still render them;
 * the value Matchbox substitutes is inserted raw, so it must be URL-safe itself.
 */
export function dataUrl(text: string): string {
  let out = 'data:,';
  let from = 0;
  for (const action of templateActions(text)) {
    out += encodeChunk(text.slice(from, action.start)) + text.slice(action.start, action.end);
    from = action.end;
  }
  return out + encodeChunk(text.slice(from));
}

/** Decodes a `data:,` URL produced by {@link dataUrl} (template actions pass through). */
export function decodeDataUrl(url: string): string {
  if (!url.startsWith('data:,')) throw new Error(`not a plain data URL: ${url.slice(0, 20)}`);
  return decodeURIComponent(url.slice('data:,'.length));
}
