'use client';

import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { callPortal } from '@/components/portal-call';
import type { CodeOutcome } from '@/lib/portal/actions';
import { FormError } from '@/components/form-error';
import { inputClass } from '@/components/ui/field-styles';

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The /code page's interactive part. A scanned QR opens `/code#<code>`: the fragment is
 * read here, in the browser, so the code never reaches a server log; the person still
 * presses the button, so reloading the page never sends the code twice.
 */
export function CodeEntry() {
  const [code, setCode] = useState('');
  const [fromLink, setFromLink] = useState(false);
  const [outcome, setOutcome] = useState<CodeOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const resultRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // On arrival (a scanned link), and when a new link opens while the page is already here.
    function readFragment() {
      const fragment = decodeURIComponent(window.location.hash.slice(1)).trim();
      if (!fragment) return;
      setCode(fragment);
      setFromLink(true);
      setOutcome(null);
      setError(null);
    }
    readFragment();
    window.addEventListener('hashchange', readFragment);
    return () => window.removeEventListener('hashchange', readFragment);
  }, []);

  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setOutcome(null);
    startTransition(async () => {
      const result = await callPortal('code', { codeText: code });
      if (result.ok) setOutcome(result.outcome);
      else setError(result.message);
    });
  }

  return (
    <div className="space-y-6">
      <form method="post" onSubmit={submit} className="space-y-3" aria-describedby="code-help">
        <label htmlFor="code-input" className="block text-sm font-medium text-slate-700">
          Code from the machine
        </label>
        <textarea
          id="code-input"
          name="code"
          data-testid="code-input"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          rows={4}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          placeholder="XXXXX-XXXXX-XXXXX-…"
          className={`${inputClass} font-mono text-base tracking-wider uppercase placeholder:normal-case`}
        />
        <p id="code-help" className="text-sm text-slate-600">
          {fromLink ? 'The code came from the QR code you scanned. ' : ''}Spaces, dashes and lower case do not matter, and O, I and L are read as 0, 1 and 1.
          A mistyped character is caught, and the message names its group.
        </p>
        <button
          type="submit"
          disabled={pending || !code.trim()}
          data-testid="code-submit"
          className="w-full rounded-md bg-indigo-600 px-4 py-3 text-base font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60 sm:w-auto sm:py-2 sm:text-sm"
        >
          {pending ? 'Checking the code…' : 'Continue'}
        </button>
      </form>
      <FormError message={error} testId="code-error" />
      {outcome?.codeKind === 'request' && <ResponseCode outcome={outcome} resultRef={resultRef} />}
      {outcome?.codeKind === 'deactivation' && (
        <section ref={resultRef} tabIndex={-1} role="status" data-testid="code-deactivation-result" className="rounded-xl border border-emerald-200 bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold text-emerald-800">{outcome.alreadyDeactivated ? 'Nothing changed' : 'Seat released'}</h2>
          <p className="mt-2 text-slate-700" data-testid="code-deactivation-message">
            {outcome.message}
          </p>
          <p className="mt-3 text-sm text-slate-600">
            {outcome.productName}: {outcome.seatsUsed} of {outcome.seatLimit} seats in use, {outcome.seatsFree} free.
          </p>
        </section>
      )}
    </div>
  );
}

function ResponseCode({ outcome, resultRef }: { outcome: Extract<CodeOutcome, { codeKind: 'request' }>; resultRef: React.RefObject<HTMLElement | null> }) {
  const [copied, setCopied] = useState<string>('');
  const groups = outcome.responseCode.split('-');
  async function copy() {
    // The clipboard needs HTTPS (or localhost); elsewhere the person copies by hand.
    try {
      await navigator.clipboard.writeText(outcome.responseCode);
      setCopied('Copied.');
    } catch {
      setCopied('This browser does not allow copying here: select the code and copy it.');
    }
  }
  return (
    <section ref={resultRef} tabIndex={-1} aria-labelledby="response-title" data-testid="code-response" className="space-y-4 rounded-xl border border-emerald-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="response-title" className="text-lg font-semibold text-emerald-800">
        {outcome.refreshed ? 'Lease renewed' : 'Activated'}: type this response code on the machine
      </h2>
      <p
        data-testid="response-code"
        aria-label={`Response code: ${groups.map((g) => g.split('').join(' ')).join(', ')}`}
        className="font-mono text-2xl leading-snug font-semibold tracking-widest text-slate-900 min-[400px]:text-3xl sm:text-4xl"
      >
        {/* Two rows of three groups: short enough to read out and to type, on any screen. */}
        {[groups.slice(0, 3), groups.slice(3)].map((row, i) => (
          <span key={i} className="block whitespace-nowrap">
            {row.join('-')}
            {i === 0 && groups.length > 3 ? '-' : ''}
          </span>
        ))}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={copy}
          data-testid="response-copy"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
        >
          Copy the code
        </button>
        <span role="status" className="text-sm text-emerald-700">
          {copied}
        </span>
      </div>
      <p className="text-sm text-slate-600">
        On the machine: <code className="rounded bg-slate-100 px-1">gatepass install --code &quot;{outcome.responseCode}&quot;</code>, or scan this QR code with a
        scanner attached to it.
      </p>
      {/* A server-made SVG as an image: nothing from the response is put into the page as markup. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={outcome.responseQr} alt={`QR code of the response code ${outcome.responseCode}`} data-testid="response-qr" className="h-48 w-48 rounded-md border border-slate-200 bg-white p-1" />
      <p className="text-sm text-slate-600" data-testid="response-lease">
        {outcome.productName}
        {outcome.hostname ? ` on ${outcome.hostname}` : ''}: the lease ends on {day(outcome.leaseEndsAt)}, with grace until {day(outcome.graceEndsAt)}.{' '}
        {outcome.seatsUsed} of {outcome.seatLimit} seats in use.
      </p>
    </section>
  );
}
