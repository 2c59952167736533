import 'server-only';
import { writeTransaction, type Tx } from '@/db/client';
import type { Failure } from '@/lib/core/result';

/** Thrown inside a transaction to undo its writes and answer with an expected failure. */
class RolledBack extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/**
 * Undoes every write of the surrounding {@link transactionResult} and makes it answer
 * `failure`: for a refusal found after something was written (a nonce another instance
 * claimed a moment earlier). A plain `return fail(...)` commits what was written so far.
 */
export function rollBackWith(failure: Failure): never {
  throw new RolledBack(failure);
}

/** {@link writeTransaction} whose callback may end with {@link rollBackWith}. */
export async function transactionResult<T>(fn: (tx: Tx) => Promise<T>): Promise<T | Failure> {
  try {
    return await writeTransaction(fn);
  } catch (error) {
    if (error instanceof RolledBack) return error.failure;
    throw error;
  }
}
