/**
 * Which adoptable profiles an import adopts: a profile follows its Latchkey entry, so it is adopted only
 * if that entry is imported now (`chosen`) or was before (not among the `offered` new entries). Main
 * applies it to the plan it carries out; the settings window, to the profiles it says it will adopt.
 */
export function chosenAdoptable<T extends { name: string }>(adoptable: readonly T[], offered: readonly string[], chosen: readonly string[]): T[] {
  return adoptable.filter(({ name }) => !offered.includes(name) || chosen.includes(name));
}
