import { NextResponse, type NextRequest } from 'next/server';

/**
 * The Content-Security-Policy of every page (docs/DECISIONS.md "Content-Security-Policy").
 * Scripts run only with this response's nonce, which Next.js reads from the request's
 * CSP header and puts on its own inline and chunk scripts; 'strict-dynamic' lets those
 * load the chunks they import. Nothing is framed, posted or fetched cross-origin.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== 'production'): string {
  return [
    `default-src 'self'`,
    // React's development build evaluates source maps and refresh code.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Tailwind is one stylesheet; React and Next.js set style attributes (no script runs from a style).
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Pages only: API answers, static chunks and images carry no script to police
  // (next.config.ts gives the API its own locked-down policy).
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|\\.well-known/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
