/**
 * The rules that tie the settings together, which a schema of each entry alone cannot check: names
 * that must be unique, references that must resolve, role chains that must end at an identity.
 * Returns one message per problem, naming the entries involved; empty when all is well.
 */
import type { Settings } from '../../shared/model';
import { walkChain } from '../../shared/role-chain';

export function integrityProblems(settings: Settings): string[] {
  const problems: string[] = [];
  const identities = new Set(settings.identities.map((identity) => identity.name));
  const roles = new Map(settings.roles.map((role) => [role.name, role]));
  const devices = new Map(settings.mfaDevices.map((device) => [device.name, device]));

  // Identities and roles share one namespace: `latchkey credential-process NAME` takes either.
  for (const name of duplicates([...settings.identities, ...settings.roles].map((entry) => entry.name))) {
    const uses = [count(name, settings.identities, 'an identity', 'identities'), count(name, settings.roles, 'a role', 'roles')];
    problems.push(`"${name}" is the name of ${uses.filter(Boolean).join(' and ')}: identities and roles each need a name of their own`);
  }
  for (const name of duplicates(settings.mfaDevices.map((device) => device.name)))
    problems.push(`MFA device name "${name}" is used more than once`);
  for (const profile of duplicates(settings.published.map((entry) => entry.profile)))
    problems.push(`profile "${profile}" is published more than once`);
  for (const profile of duplicates(settings.processProfiles.map((entry) => entry.profile)))
    problems.push(`profile "${profile}" is configured with credential_process more than once`);
  // A reference to a name used twice is ambiguous: check references once names are unique.
  if (problems.length > 0) return problems;

  for (const device of settings.mfaDevices)
    if (!identities.has(device.identity))
      problems.push(`MFA device "${device.name}" belongs to identity "${device.identity}", which does not exist`);
  // A serial is one device at AWS: under two names, the two would keep apart what belongs together (its seed, its MFA session).
  for (const serial of duplicates(settings.mfaDevices.map((device) => device.serial))) {
    const names = settings.mfaDevices.filter((device) => device.serial === serial).map((device) => `"${device.name}"`);
    problems.push(
      `MFA devices ${names.join(' and ')} have the same serial ${serial}: a device is added once; use the one already there, or correct the serial`,
    );
  }

  const reportedCycles = new Set<string>();
  for (const role of settings.roles) {
    if (!identities.has(role.source) && !roles.has(role.source)) {
      problems.push(`role "${role.name}" has source "${role.source}", which is neither an identity nor a role`);
      continue;
    }
    const chain = walkChain(settings, role.name);
    if (chain.cycle) {
      // A loop further up the chain is reported from one of its own roles.
      if (chain.end === role.name && !reportedCycles.has(role.name)) {
        const names = chain.roles.map((entry) => entry.name);
        names.forEach((name) => reportedCycles.add(name));
        problems.push(`roles ${[...names, role.name].map((name) => `"${name}"`).join(' → ')} form a cycle: a chain must start at an identity`);
      }
      continue;
    }
    // A chain with a missing source further up is reported from the role that names it.
    if (role.mfaDevice === undefined || !chain.identity) continue;
    const device = devices.get(role.mfaDevice);
    if (!device) problems.push(`role "${role.name}" uses MFA device "${role.mfaDevice}", which does not exist`);
    else if (device.identity !== chain.identity.name)
      problems.push(
        `role "${role.name}" uses MFA device "${device.name}" of identity "${device.identity}", but its chain starts at identity "${chain.identity.name}"`,
      );
  }

  for (const entry of [...settings.published, ...settings.processProfiles])
    if (!identities.has(entry.source) && !roles.has(entry.source))
      problems.push(`published profile "${entry.profile}" has source "${entry.source}", which is neither an identity nor a role`);
  return problems;
}

/** "an identity", "2 identities", or "" when none has the name. */
function count(name: string, entries: { name: string }[], one: string, many: string): string {
  const n = entries.filter((entry) => entry.name === name).length;
  return n === 0 ? '' : n === 1 ? one : `${n} ${many}`;
}

function duplicates(names: string[]): Set<string> {
  return new Set(names.filter((name, index) => names.indexOf(name) !== index));
}
