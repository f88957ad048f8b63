/** The policy of an IAM user who looks after their own keys and MFA devices, assumes roles and signs in to the console. */
export const SELF_SERVICE = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetFederationToken'], Resource: '*' },
    { Effect: 'Allow', Action: ['iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey'], Resource: '*' },
    { Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:DeactivateMFADevice', 'iam:DeleteVirtualMFADevice'], Resource: '*' },
  ],
};
