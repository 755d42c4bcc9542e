/**
 * The wifi QR code of the guest sheet: the `WIFI:` payload phones read to join a network
 * (the ZXing "WIFI network config" format, read by the Android and iOS cameras), drawn as an
 * SVG by the `qr` library. Pure except `wifiQrSvg`, which only creates elements (no markup
 * string is ever parsed: an SSID is data, not HTML).
 */
import encodeQR from 'qr';

export type WifiSecurity = 'WPA' | 'WEP' | 'nopass';

/** `\`, `;`, `,`, `:` and `"` are escaped with a backslash in every field of the format. */
export function escapeWifiField(value: string): string {
  return value.replace(/[\\;,:"]/g, (char) => `\\${char}`);
}

/**
 * `WIFI:T:WPA;S:<ssid>;P:<password>;;` — no password field for an open network (`nopass`),
 * and none when the owner left it empty. Null without an SSID (nothing to join).
 */
export function wifiQrPayload(input: {
  ssid: string | null | undefined;
  password: string | null | undefined;
  securite: string | null | undefined;
}): string | null {
  const ssid = input.ssid ?? '';
  if (ssid.trim() === '') return null;
  const security: WifiSecurity =
    input.securite === 'WEP' || input.securite === 'nopass' ? input.securite : 'WPA';
  const password = input.password ?? '';
  const withPassword = security !== 'nopass' && password !== '';
  return `WIFI:T:${withPassword ? security : 'nopass'};S:${escapeWifiField(ssid)};${
    withPassword ? `P:${escapeWifiField(password)};` : ''
  };`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The path of the dark modules of a QR matrix, one `h1v1h-1z` square each (with a 4-module border). */
export function qrPath(matrix: readonly (readonly boolean[])[], border = 4): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + border},${y + border}h1v1h-1z`);
    });
  });
  return parts.join('');
}

/** An accessible SVG of `text` as a QR code (medium error correction: readable off a screen). */
export function wifiQrSvg(doc: Document, text: string, label: string): SVGSVGElement {
  const matrix = encodeQR(text, 'raw', { ecc: 'medium' });
  const size = (matrix.length || 21) + 8;
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const modules = doc.createElementNS(SVG_NS, 'path');
  modules.setAttribute('d', qrPath(matrix));
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}
