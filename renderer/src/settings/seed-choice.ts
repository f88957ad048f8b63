/** What the MFA device form will do with the seed: the SeedField decides, the form sends it. */
export type SeedChoice =
  | { kind: 'none' }
  /** The device's stored seed stays. */
  | { kind: 'keep' }
  /** The seed main holds for this form replaces or becomes the device's seed. */
  | { kind: 'staged'; token: string }
  /** The person turned the seed on but has not given a valid one yet. */
  | { kind: 'missing' };
