"""Asks STS, through boto3, who each named profile runs as; prints one JSON object on stdout:
{"PROFILE": {"arn": "…"} or {"error": "…"}, …}.

Usage: python3 profile-check.py STS_ENDPOINT PROFILE…

The endpoint applies to the GetCallerIdentity call itself; botocore's own AssumeRole calls for role
profiles follow AWS_ENDPOINT_URL_STS in the environment, as they would for any user. One process checks
every profile (a Python start costs ~0.3 s here), four at a time: each profile gets its own Session, and
Sessions share nothing, so threads are safe.
"""
import json
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3


def who(profile, endpoint):
    try:
        sts = boto3.Session(profile_name=profile).client('sts', endpoint_url=endpoint)
        return {'arn': sts.get_caller_identity()['Arn']}
    except Exception as error:  # any failure is this profile's outcome, not the script's
        text = str(error).strip().splitlines() or ['']
        return {'error': f'{type(error).__name__}: {text[0]}'}


def main():
    endpoint, profiles = sys.argv[1], sys.argv[2:]
    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(lambda profile: who(profile, endpoint), profiles))
    json.dump(dict(zip(profiles, outcomes)), sys.stdout)
    sys.stdout.write('\n')


main()
