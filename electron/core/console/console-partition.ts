/**
 * Where a partition's console sign-in lives: its federation endpoint and its console. A role's partition
 * is in its ARN; an identity's in its recorded ARN, else its region (cn-…, us-gov-…).
 */
import type { Identity, Role } from '../../shared/model';

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

const PLACES: Record<Partition, { federation: string; console: string; defaultRegion: string }> = {
  aws: { federation: 'https://signin.aws.amazon.com/federation', console: 'https://console.aws.amazon.com', defaultRegion: 'us-east-1' },
  'aws-cn': { federation: 'https://signin.amazonaws.cn/federation', console: 'https://console.amazonaws.cn', defaultRegion: 'cn-north-1' },
  'aws-us-gov': {
    federation: 'https://signin.amazonaws-us-gov.com/federation',
    console: 'https://console.amazonaws-us-gov.com',
    defaultRegion: 'us-gov-west-1',
  },
};

export function partitionOf(identity: Pick<Identity, 'arn' | 'region'>, role?: Pick<Role, 'roleArn'>): Partition {
  const arnPartition = (role?.roleArn ?? identity.arn)?.split(':')[1];
  if (arnPartition === 'aws-cn' || arnPartition === 'aws-us-gov' || arnPartition === 'aws') return arnPartition;
  if (identity.region?.startsWith('cn-')) return 'aws-cn';
  if (identity.region?.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The partition's federation endpoint (getSigninToken and login). */
export const federationEndpoint = (partition: Partition): string => PLACES[partition].federation;

/** The console page to land on: `<console>/<service>/home?region=R`. */
export function consoleDestination(partition: Partition, service: string, region: string | undefined): string {
  const place = PLACES[partition];
  return `${place.console}/${service}/home?region=${encodeURIComponent(region ?? place.defaultRegion)}`;
}
