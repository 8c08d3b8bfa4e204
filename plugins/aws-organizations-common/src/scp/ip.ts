/**
 * IPv4 and IPv6 addresses and CIDR blocks for IpAddress / NotIpAddress.
 * Addresses are byte arrays (4 or 16 bytes); a block is an address and a
 * prefix length.
 */

/** A CIDR block. */
export interface CidrBlock {
  bytes: Uint8Array;
  prefix: number;
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i])) return undefined;
    const n = Number(parts[i]);
    if (n > 255) return undefined;
    bytes[i] = n;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  let head = text;
  let tail = '';
  const double = text.indexOf('::');
  if (double >= 0) {
    if (text.indexOf('::', double + 1) >= 0) return undefined;
    head = text.slice(0, double);
    tail = text.slice(double + 2);
  }
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  if (!h || !t) return undefined;
  const fill = 8 - h.length - t.length;
  if (double >= 0 ? fill < 1 : fill !== 0) return undefined;
  const all = [...h, ...new Array<number>(fill).fill(0), ...t];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

/** Parses an IPv4 or IPv6 address (no prefix). */
export function parseIp(text: string): Uint8Array | undefined {
  const trimmed = text.trim();
  return trimmed.includes(':') ? parseIpv6(trimmed) : parseIpv4(trimmed);
}

/** Parses `addr/prefix` or a bare address (a /32 or /128 block). */
export function parseCidr(text: string): CidrBlock | undefined {
  const [addr, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const bytes = parseIp(addr);
  if (!bytes) return undefined;
  const max = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? { bytes, prefix } : undefined;
}

/** True when the address is inside the block (same family only). */
export function cidrContains(block: CidrBlock, ip: Uint8Array): boolean {
  if (block.bytes.length !== ip.length) return false;
  let bits = block.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((block.bytes[i] & mask) !== (ip[i] & mask)) return false;
  }
  return true;
}
