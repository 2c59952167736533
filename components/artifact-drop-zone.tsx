'use client';

import { useEffect, useRef, useState } from 'react';
import { ErrorCode, useDropzone, type FileRejection } from 'react-dropzone';
import { FormError } from '@/components/form-error';
import { protocolErrorMessage } from '@/lib/protocol/errors';
import { MAX_ARTIFACT_BYTES } from '@/lib/protocol/types';

type ArtifactUploadKind = 'request' | 'deactivation';

/** Where an upload stands: the drop zone reads the file, then the page's action runs. */
export type UploadPhase = { step: 'idle' } | { step: 'reading'; percent: number } | { step: 'sending' };

const NOUN: Record<ArtifactUploadKind, string> = { request: 'activation request', deactivation: 'deactivation file' };

interface ArtifactDropZoneProps {
  kind: ArtifactUploadKind;
  /** Called with the file's text (or the pasted text) once it is read. */
  onText: (text: string) => void;
  phase: UploadPhase;
  onPhase: (phase: UploadPhase) => void;
  /** One sentence with what to do, shown beside the drop zone. */
  error: string | null;
  onError: (message: string | null) => void;
}

function readText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Whether a paste event's target is a field of its own, where Ctrl+V must keep its usual meaning. */
function pastedIntoField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The drop zone of the Activate and Deactivate pages (react-dropzone): drop a file,
 * choose one, paste the text, or press Ctrl+V anywhere on the page with the file's text
 * (or the file itself) on the clipboard. Files over the protocol's size cap are refused
 * here, before any upload, with the same sentence the server would use.
 *
 * One tab stop: the "Choose file…" button. It stays focusable while the upload runs
 * (aria-disabled, not disabled), so focus never falls back to the page body.
 */
export function ArtifactDropZone({ kind, onText, phase, onPhase, error, onError }: ArtifactDropZoneProps) {
  const [pasted, setPasted] = useState('');
  const busy = phase.step !== 'idle';

  async function accept(files: File[], rejections: FileRejection[]) {
    // Let the person pick the same file again (e.g. a deactivation file twice): a file
    // input whose value did not change fires no change event.
    if (inputRef.current) inputRef.current.value = '';
    const tooLarge = rejections.some((r) => r.errors.some((e) => e.code === ErrorCode.FileTooLarge));
    if (tooLarge) return onError(protocolErrorMessage('ERR_ARTIFACT_TOO_LARGE', { kind }));
    if (rejections.length > 0 || files.length !== 1) return onError(`Drop one ${NOUN[kind]} at a time.`);
    onError(null);
    onPhase({ step: 'reading', percent: 0 });
    try {
      const text = await readText(files[0]!, (percent) => onPhase({ step: 'reading', percent }));
      onText(text);
    } catch {
      onPhase({ step: 'idle' });
      onError(`This file could not be read. Check that it is the ${NOUN[kind]} the application wrote, then try again.`);
    }
  }

  const { getRootProps, getInputProps, isDragActive, open, inputRef } = useDropzone({
    onDrop: (files, rejections) => void accept(files, rejections),
    multiple: false,
    maxSize: MAX_ARTIFACT_BYTES,
    noClick: true,
    // The root is not a tab stop: the button inside it is the one control.
    noKeyboard: true,
    disabled: busy,
  });

  function submitText(text: string) {
    if (new TextEncoder().encode(text).byteLength > MAX_ARTIFACT_BYTES) return onError(protocolErrorMessage('ERR_ARTIFACT_TOO_LARGE', { kind }));
    if (text.trim() === '') return onError(`Paste the text of the ${NOUN[kind]} first.`);
    onError(null);
    onText(text);
  }

  // Ctrl+V (Cmd+V) outside a field: take the clipboard's file or text as the upload. The
  // listener is added once and reads this render's state from a ref, updated after each render.
  const latest = useRef({ busy, accept, submitText });
  useEffect(() => {
    latest.current = { busy, accept, submitText };
  });
  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      if (pastedIntoField(event.target) || latest.current.busy || !event.clipboardData) return;
      const files = [...event.clipboardData.files];
      const text = event.clipboardData.getData('text/plain');
      if (files.length === 0 && !text.trim()) return;
      event.preventDefault();
      if (files.length > 0) void latest.current.accept(files.slice(0, 1), []);
      else latest.current.submitText(text);
    }
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  return (
    <div className="space-y-4">
      <div
        {...getRootProps({
          className: `rounded-xl border-2 border-dashed p-6 text-center transition sm:p-8 ${
            isDragActive ? 'border-indigo-600 bg-indigo-50' : error ? 'border-red-400 bg-white' : 'border-slate-400 bg-white'
          }`,
          'data-testid': 'dropzone',
          role: 'group',
          'aria-label': `Upload the ${NOUN[kind]}`,
        })}
      >
        <input {...getInputProps({ 'data-testid': 'dropzone-input', 'aria-label': `${NOUN[kind]} file` } as object)} />
        <p className="text-base font-medium text-slate-800">
          {isDragActive ? (
            `Drop the ${NOUN[kind]} to upload it`
          ) : (
            <>
              <span className="pointer-coarse:hidden">Drag the {NOUN[kind]} (.req) here</span>
              <span className="hidden pointer-coarse:inline">Choose the {NOUN[kind]} (.req) your application wrote</span>
            </>
          )}
        </p>
        <p className="mt-1 text-sm text-slate-600 pointer-coarse:hidden">or</p>
        <button
          type="button"
          onClick={() => !busy && open()}
          aria-disabled={busy}
          data-testid="choose-file"
          className={`mt-2 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 ${busy ? 'cursor-not-allowed opacity-60' : ''}`}
        >
          Choose file…
        </button>
        <p className="mt-3 hidden text-xs text-slate-600 pointer-fine:block">
          Or copy the file&apos;s text and press <kbd className="rounded border border-slate-300 px-1 font-sans">Ctrl</kbd>+<kbd className="rounded border border-slate-300 px-1 font-sans">V</kbd> on this page.
        </p>
        <UploadProgress phase={phase} />
      </div>

      <FormError message={error} testId="dropzone-error" />

      <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Paste the text instead</summary>
        <label htmlFor={`${kind}-paste`} className="mt-3 block text-slate-600">
          Copy everything from <code className="font-mono text-xs">-----BEGIN GATEPASS</code> to the END line, e.g. from an email.
        </label>
        <textarea
          id={`${kind}-paste`}
          data-testid="paste-input"
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          rows={6}
          spellCheck={false}
          className="mt-2 w-full rounded-md border border-slate-400 p-2 font-mono text-xs"
        />
        <button
          type="button"
          data-testid="paste-submit"
          onClick={() => !busy && submitText(pasted)}
          aria-disabled={busy}
          className="mt-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50 aria-disabled:cursor-not-allowed"
        >
          Upload pasted text
        </button>
      </details>
    </div>
  );
}

function UploadProgress({ phase }: { phase: UploadPhase }) {
  if (phase.step === 'idle') return null;
  const reading = phase.step === 'reading';
  const label = reading ? `Reading the file… ${phase.percent}%` : 'Uploading and checking the file…';
  return (
    <div className="mx-auto mt-6 max-w-sm" data-testid="upload-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={reading ? phase.percent : undefined}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full bg-indigo-600 transition-all ${reading ? '' : 'w-full animate-pulse'}`} style={reading ? { width: `${phase.percent}%` } : undefined} />
      </div>
      <p className="mt-2 text-xs text-slate-600">{label}</p>
    </div>
  );
}
