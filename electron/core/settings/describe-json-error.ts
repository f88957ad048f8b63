/**
 * Says where and why JSON.parse refused `text`, as "line 3, column 18: Unexpected token ','". V8 gives
 * an offset for some mistakes only (and an excerpt of the text for others, left out here); the
 * location is found as the shortest prefix that fails for a reason other than ending too soon.
 */
export function describeJsonError(text: string, message: string): string {
  let incomplete = 0;
  let broken = text.length + 1;
  while (broken - incomplete > 1) {
    const length = Math.floor((incomplete + broken) / 2);
    if (endsTooSoon(text.slice(0, length))) incomplete = length;
    else broken = length;
  }
  const lines = text.slice(0, incomplete).split('\n');
  const reason = message.replace(/(?: in JSON)? at position \d+$|, .*is not valid JSON$/s, '');
  return `line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1}: ${reason}`;
}

/** True when `prefix` is valid JSON or could become valid with more text. */
function endsTooSoon(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    return message === 'Unexpected end of JSON input' || message.endsWith(` at position ${prefix.length}`);
  }
}
