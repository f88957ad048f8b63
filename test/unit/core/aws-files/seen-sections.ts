import type { IniSection } from '../../../../electron/core/aws-files/ini-sections';

/** Sections as callers see them, as plain data to compare. */
export const seenSections = (sections: readonly IniSection[]) =>
  sections.map(({ name, line, end, invalid, continued, entries }) => ({
    name,
    line,
    end,
    invalid,
    continued,
    entries: entries.map(({ key, line, end, value }) => ({ key, line, end, value })),
  }));
