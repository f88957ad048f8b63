/** The settings window's pages: the sections in the sidebar, and the first-run step before them. */
export type Page = 'welcome' | 'identities' | 'mfa' | 'roles' | 'import' | 'preferences';

export const SECTIONS: { page: Exclude<Page, 'welcome'>; label: string }[] = [
  { page: 'identities', label: 'Identities' },
  { page: 'mfa', label: 'MFA devices' },
  { page: 'roles', label: 'Roles' },
  { page: 'import', label: 'Import' },
  { page: 'preferences', label: 'Preferences' },
];
