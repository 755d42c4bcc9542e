import { encodeQR } from 'qr';
import decodeQR from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import { escapeWifiField, qrPath, wifiQrPayload } from './wifi-qr';

describe('wifi QR payload (WIFI: format)', () => {
  it('escapes backslash, semicolon, comma, colon and double quote with a backslash', () => {
    expect(escapeWifiField('a;b,c:d"e\\f')).toBe('a\\;b\\,c\\:d\\"e\\\\f');
    expect(escapeWifiField('Gîte du Moulin')).toBe('Gîte du Moulin');
  });

  it('builds WPA, WEP and open-network payloads', () => {
    expect(wifiQrPayload({ ssid: 'Moulin;Wifi', password: 'p@ss:w,rd"', securite: 'WPA' })).toBe(
      'WIFI:T:WPA;S:Moulin\\;Wifi;P:p@ss\\:w\\,rd\\";;',
    );
    expect(wifiQrPayload({ ssid: 'Grange', password: 'abcde', securite: 'WEP' })).toBe(
      'WIFI:T:WEP;S:Grange;P:abcde;;',
    );
    expect(wifiQrPayload({ ssid: 'Libre', password: 'ignored', securite: 'nopass' })).toBe(
      'WIFI:T:nopass;S:Libre;;',
    );
    // A secured network whose password the owner left empty: nothing to type, join as open.
    expect(wifiQrPayload({ ssid: 'Libre', password: '', securite: 'WPA' })).toBe(
      'WIFI:T:nopass;S:Libre;;',
    );
    // An unknown security value falls back to WPA (the database allows only the three).
    expect(wifiQrPayload({ ssid: 'x', password: 'y', securite: 'WPA3' })).toBe(
      'WIFI:T:WPA;S:x;P:y;;',
    );
  });

  it('gives no payload without an SSID', () => {
    expect(wifiQrPayload({ ssid: null, password: 'x', securite: 'WPA' })).toBeNull();
    expect(wifiQrPayload({ ssid: '  ', password: 'x', securite: 'WPA' })).toBeNull();
  });

  it('encodes to a QR code that decodes back to the same payload (accents included)', () => {
    const payload = wifiQrPayload({ ssid: 'Gîte «Moulin»;1', password: 'é:"\\', securite: 'WPA' });
    if (!payload) throw new Error('no payload');
    const matrix = encodeQR(payload, 'raw', { ecc: 'medium' });
    // Draw it as the decoder expects: 8 px per module with a white border.
    const scale = 8;
    const border = 4;
    const size = (matrix.length + border * 2) * scale;
    const data = new Uint8Array(size * size * 4).fill(255);
    for (const [y, row] of matrix.entries()) {
      for (const [x, dark] of row.entries()) {
        if (!dark) continue;
        for (let dy = 0; dy < scale; dy += 1) {
          for (let dx = 0; dx < scale; dx += 1) {
            const px = ((y + border) * scale + dy) * size + (x + border) * scale + dx;
            data.fill(0, px * 4, px * 4 + 3);
          }
        }
      }
    }
    expect(decodeQR({ width: size, height: size, data })).toBe(payload);
  });

  it('draws one square per dark module, offset by the border', () => {
    expect(
      qrPath([
        [true, false],
        [false, true],
      ]),
    ).toBe('M4,4h1v1h-1zM5,5h1v1h-1z');
  });
});
