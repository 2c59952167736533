'use client';

import { useState, useTransition } from 'react';
import type { UploadPhase } from '@/components/artifact-drop-zone';

type ActionResult<T> = ({ ok: true } & T) | { ok: false; message: string };

/**
 * The state of an upload page: the drop zone's phase, the error beside it, and the
 * result of the one server action the uploaded text is sent to.
 */
export function useArtifactUpload<T extends object>(send: (text: string) => Promise<ActionResult<T>>) {
  const [phase, setPhase] = useState<UploadPhase>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<({ ok: true } & T) | null>(null);
  const [, startTransition] = useTransition();

  function submit(text: string) {
    setPhase({ step: 'sending' });
    setResult(null);
    startTransition(async () => {
      const outcome = await send(text);
      setPhase({ step: 'idle' });
      setError(outcome.ok ? null : outcome.message);
      setResult(outcome.ok ? outcome : null);
    });
  }

  return { result, dropZone: { onText: submit, phase, onPhase: setPhase, error, onError: setError } };
}
