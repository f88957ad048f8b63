/**
 * "Did you mean …?" for a mistyped command, option or value: the names that exist nearest to what was
 * typed (Levenshtein distance, from `leven`), when they are near enough to be what was meant, or begin
 * with it (`--access-key` for `--access-key-id`).
 */
import leven from 'leven';

/** At most this many suggestions: more is a list, not a guess. */
const MOST = 3;

/**
 * The candidates `typed` was probably meant to be, best first; none when nothing is near. Near is a
 * third of the longer word's letters (rounded up), at most 2 edits, so that two swapped letters (two
 * edits to Levenshtein) count in any word of 4 letters or more: `jsno` → `json`, `ls` → `list`,
 * `idnetity` → `identity`, but not `env` → `exec`.
 */
export function nearest(typed: string, candidates: readonly string[]): string[] {
  const scored = candidates
    .map((candidate) => ({ candidate, distance: leven(typed.toLowerCase(), candidate) }))
    .filter(({ candidate, distance }) => distance <= nearEnough(typed, candidate) || (typed.length >= 3 && candidate.startsWith(typed)))
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  if (best === undefined) return [];
  const closest = best.distance <= nearEnough(typed, best.candidate) ? scored.filter(({ distance }) => distance === best.distance) : scored;
  return closest.slice(0, MOST).map(({ candidate }) => candidate);
}

/** `; did you mean "list"?`, with each candidate shown by `show`, or '' when nothing is near. */
export function didYouMean(typed: string, candidates: readonly string[], show: (candidate: string) => string = (c) => `"${c}"`): string {
  const near = nearest(typed, candidates);
  return near.length === 0 ? '' : `; did you mean ${near.map(show).join(' or ')}?`;
}

function nearEnough(typed: string, candidate: string): number {
  return Math.min(2, Math.ceil(Math.max(typed.length, candidate.length) / 3));
}
