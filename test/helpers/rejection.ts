/** The LatchkeyError a promise rejects with; fails the test if it resolves or rejects with anything else. */
import { expect } from 'vitest';
import { LatchkeyError } from '../../electron/shared/errors';

export async function rejection(promise: Promise<unknown>): Promise<LatchkeyError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LatchkeyError);
  return error as LatchkeyError;
}
