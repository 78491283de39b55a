import { pipeActions, templateActions } from './template';

/** Characters left as they are in a data URL; everything else is percent-encoded. */
export const DATA_URL_SAFE = /[A-Za-z0-9\-_.~!*'()/:,;=]/;

function encodeChunk(text: string): string {
  let out = '';
  for (const ch of text) {
    if (DATA_URL_SAFE.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A `data:,` URL (RFC 2397, percent-encoded) for Ignition file contents.
 * Go template actions (`{{...}}`) are kept for Matchbox to render, each one that writes text piped
 * through `urlquery`, so that the value it writes is percent-encoded too (`%` and `#` included);
 * Ignition decodes `%XX` only, so a space (which `urlquery` writes as `+`) cannot be carried.
 */
export function dataUrl(contents: string): string {
  const text = pipeActions(contents, 'urlquery', ['urlquery']);
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
