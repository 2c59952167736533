/**
 * QR codes of the air-gapped codes for the CLI: in the terminal and as an SVG file. A
 * request or deactivation code's QR opens the portal's /code page with the code in the
 * URL fragment, which browsers never send to the server (RFC 3986 §3.5).
 */
import QRCode from 'qrcode';
import { normalizeCodeText } from '../protocol';

/**
 * What the QR holds: `<portal>/code#<code>` when the portal is known, else the code itself.
 *
 * @example codeQrContent('2ABCD-…', 'https://activate.example.com') // 'https://activate.example.com/code#2ABCD…'
 */
export function codeQrContent(code: string, portal?: string): string {
  return portal ? `${portal.replace(/\/+$/, '')}/code#${normalizeCodeText(code)}` : code;
}

/** The QR as text for a terminal (half-height blocks, so it fits an 80×24 screen). */
export function terminalQr(content: string): Promise<string> {
  return QRCode.toString(content, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}

/** The QR as a standalone SVG image. */
export function svgQr(content: string): Promise<string> {
  return QRCode.toString(content, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
