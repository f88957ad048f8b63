/**
 * `latchkey preferences [NAME [VALUE]] [--json]`: the preferences the settings window shows, by the
 * names people type (kebab-case). Without NAME it prints them all, one `name = value` line each; with
 * NAME, that one's value; with a VALUE it changes that one preference, checked by the settings schema
 * and saved under the settings lock, so nothing else changes. A running app sees the file change.
 */
import * as v from 'valibot';
import { LatchkeyError } from '../../shared/errors';
import { PreferencesSchema, type Preferences } from '../../shared/model';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { didYouMean } from '../did-you-mean';
import { print } from '../io';

type Field = keyof Preferences;

const FIELDS = Object.keys(PreferencesSchema.entries) as Field[];
/** reminderLeadMinutes ↔ reminder-lead-minutes */
const nameOf = (field: Field): string => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const NAMES = FIELDS.map(nameOf);

export const command: Command = {
  options: { json: { type: 'boolean', default: false, help: 'print JSON for programs: every preference, or the one NAME names' } },
  positionals: { min: 0, max: 2 },
  help: {
    arguments: {
      NAME: `a preference: ${NAMES.join(', ')}`,
      VALUE: 'its new value: a profile name, a whole number, or true or false',
    },
    examples: [
      'latchkey preferences',
      'latchkey preferences role-session-seconds 7200   # roles without a duration of their own get 2 h',
      'latchkey preferences launch-at-login true',
    ],
  },
  async run({ positionals: [name, text], values }, io) {
    const field = name === undefined ? undefined : fieldNamed(name);
    const context = new CliContext(io);
    let { preferences } = await context.settings.load();
    if (field !== undefined && text !== undefined) {
      const value = parse(field, text);
      ({ preferences } = await context.settings.update((settings) => {
        settings.preferences = { ...settings.preferences, [field]: value };
      }));
    }
    if (values.json) print(io.stdout, JSON.stringify(field === undefined ? preferences : preferences[field], null, 2));
    else if (field === undefined) print(io.stdout, FIELDS.map((each) => `${nameOf(each)} = ${preferences[each]}`).join('\n'));
    else print(io.stdout, text === undefined ? String(preferences[field]) : `${name} = ${preferences[field]}`);
    return 0;
  },
};

function fieldNamed(name: string): Field {
  const field = FIELDS.find((each) => nameOf(each) === name);
  if (field === undefined) throw usageError(`no preference is named "${name}"${didYouMean(name, NAMES)}; they are ${NAMES.join(', ')}`);
  return field;
}

/** The typed value, as the settings schema checks it: its default says whether it is text, a number or a switch. */
function parse(field: Field, text: string): Preferences[Field] {
  const schema = PreferencesSchema.entries[field];
  const kind = typeof schema.default;
  const refused = (message: string) => new LatchkeyError('invalid-input', `${nameOf(field)}: ${message}`);
  if (kind === 'boolean' && text !== 'true' && text !== 'false') throw refused(`give true or false, not "${text}"`);
  if (kind === 'number' && !/^-?\d+(\.\d+)?$/.test(text)) throw refused(`give a whole number, not "${text}"`);
  const value = kind === 'boolean' ? text === 'true' : kind === 'number' ? Number(text) : text;
  const checked = v.safeParse(schema.wrapped, value);
  if (!checked.success) throw refused(checked.issues[0].message);
  return checked.output;
}
