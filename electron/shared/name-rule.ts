/**
 * What a name (identity, MFA device, role, profile) may be: the one rule for the validators, the
 * settings schema and the broker's wire contract. AWS tools accept these characters in profile names,
 * and none of them needs quoting in an INI section header or a shell word.
 */
export const NAME_PATTERN = /^[A-Za-z0-9_.@+%:/-]{1,128}$/;
