/** The IAM user's name in a user ARN (`arn:aws:iam::123456789012:user/path/alice` → `alice`). */
export function iamUserName(arn: string | undefined): string | undefined {
  return arn?.match(/:user\/(?:[^:]*\/)?([^/]+)$/)?.[1];
}
