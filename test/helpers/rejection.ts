/** What a promise rejects with; fails the test if it resolves or rejects with something that is not an Error. */
import { expect } from 'vitest';

export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error & { code?: string };
}
