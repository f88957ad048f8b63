/**
 * The shared input rules, applied before any STS call, with the message prefixed by whose setting it
 * is (`role "prod-admin": role duration must be …`) so the person knows where to fix it.
 */
import { check, type Validator } from '../../shared/validation';

export function checkInput<T>(subject: string, validator: Validator<T>, value: T): T {
  return check((candidate: T) => {
    const problem = validator(candidate);
    return problem === undefined ? undefined : `${subject}: ${problem}`;
  }, value);
}
