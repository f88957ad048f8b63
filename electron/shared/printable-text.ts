/**
 * Text that someone else supplied — a broker request's `requester`, an error STS sent — made safe to
 * print on a terminal: every control character (C0 with tab and newline, DEL, C1) and every Unicode
 * bidirectional control becomes U+FFFD. Otherwise an escape sequence in it could retitle the window,
 * erase the line and draw a fake prompt ("MFA code for root@prod: "), or reorder what a person reads.
 * The app's MFA popup needs no such care: Svelte renders text as text, never as markup.
 */
// C0, DEL and C1; ALM; LRM, RLM; LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; and the line and
// paragraph separators, which some terminals break lines at.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printableText(text: string): string {
  return text.replace(UNPRINTABLE, '\ufffd');
}
