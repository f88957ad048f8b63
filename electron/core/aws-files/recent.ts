/**
 * The last few values made, found again by what they were made from. A command reads an AWS file to
 * check it, again to edit it and again just before writing it; with this it decodes and parses each
 * text once (see load-aws-text.ts and ini-document.ts). Values must not change once made.
 */
export class Recent<K, V> {
  readonly #entries: Array<{ key: K; value: V }> = [];

  constructor(
    /** How many are kept: one for each AWS file. */
    private readonly kept: number,
    private readonly same: (a: K, b: K) => boolean,
  ) {}

  /** The value made from a key the same as this one, or a new one from make(); either is kept as the latest. */
  get(key: K, make: () => V): V {
    const at = this.#entries.findIndex((entry) => this.same(entry.key, key));
    const entry = (at >= 0 ? this.#entries.splice(at, 1)[0] : undefined) ?? { key, value: make() };
    this.#entries.unshift(entry);
    this.#entries.length = Math.min(this.#entries.length, this.kept);
    return entry.value;
  }
}
