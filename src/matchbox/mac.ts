/**
 * Go's `net.ParseMAC` followed by `HardwareAddr.String()`, which Matchbox applies to every
 * `mac` selector and `mac` query label. Accepts 6-, 8- or 20-byte addresses written as
 * `aa:bb:..`, `aa-bb-..` or `aabb.ccdd.eeff`; returns lower-case colon form or undefined.
 */
export function parseMatchboxMac(text: string): string | undefined {
  if (typeof text !== 'string' || text.length < 14) return undefined;
  let bytes: string[] | undefined;
  const sep = text[2];
  if (sep === ':' || sep === '-') {
    if ((text.length + 1) % 3 !== 0) return undefined;
    const parts = text.split(sep);
    if (parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p))) bytes = parts;
  } else if (text[4] === '.') {
    if ((text.length + 1) % 5 !== 0) return undefined;
    const parts = text.split('.');
    if (parts.every((p) => /^[0-9a-fA-F]{4}$/.test(p))) bytes = parts.flatMap((p) => [p.slice(0, 2), p.slice(2)]);
  }
  if (!bytes || ![6, 8, 20].includes(bytes.length)) return undefined;
  return bytes.join(':').toLowerCase();
}

/** iPXE's `${mac:hexhyp}` form (`52-54-00-...`) of a MAC address, as sent to `/ipxe`. */
export function macHexhyp(mac: string): string {
  return mac.toLowerCase().replace(/:/g, '-');
}
