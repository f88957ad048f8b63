"""A boto3 program served by the credential endpoint (the tests set only its two variables).

  boto3-client.py STS_URL once  prints {"arn", "method"}: who STS says we are, and botocore's provider
  boto3-client.py STS_URL N     calls STS in a loop until it has used N different sessions (60 s at
                                most), then prints {"arns", "keys", "calls"}: what it saw, in order
"""
import json
import sys
import time

import boto3

url, mode = sys.argv[1], sys.argv[2]
session = boto3.Session()
sts = session.client("sts", region_name="us-east-1", endpoint_url=url)
# The client's own credentials: botocore refreshes this object from the endpoint as expiry nears.
credentials = session.get_credentials()
if mode == "once":
    print(json.dumps({"arn": sts.get_caller_identity()["Arn"], "method": credentials.method}))
    sys.exit(0)

keys, arns, calls = [], set(), 0
deadline = time.monotonic() + 60
while len(keys) < int(mode) and time.monotonic() < deadline:
    arns.add(sts.get_caller_identity()["Arn"])
    calls += 1
    key = credentials.get_frozen_credentials().access_key
    if key not in keys:
        keys.append(key)
    time.sleep(0.2)
print(json.dumps({"arns": sorted(arns), "keys": keys, "calls": calls}))
