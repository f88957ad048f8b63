[
  {
    "name": "a broker socket that another local user set up > a folder the other user made first (0777, theirs): every command warns, never connects, and never uses their keys",
    "file": "/work/main/test/integration/faults/broker-trust.test.ts"
  },
  {
    "name": "a broker socket that another local user set up > a folder of ours left open (0777) with their socket in it: warns and works standalone, then refuses their socket",
    "file": "/work/main/test/integration/faults/broker-trust.test.ts"
  },
  {
    "name": "text from a request on the agent’s terminal, and sessions too large to relay > a requester full of escape sequences reaches the MFA prompt as plain text",
    "file": "/work/main/test/integration/faults/broker-trust.test.ts"
  },
  {
    "name": "text from a request on the agent’s terminal, and sessions too large to relay > a 2 MB session token: the broker says it cannot relay it, and the CLI gets it standalone with a notice",
    "file": "/work/main/test/integration/faults/broker-trust.test.ts"
  },
  {
    "name": "the agent process and MFA at the terminal > without a terminal, a session that needs MFA fails with a message naming the device",
    "file": "/work/main/test/integration/cli/agent.test.ts"
  },
  {
    "name": "the agent process and MFA at the terminal > asks for the code on the terminal while stdin is not the terminal (as under credential_process)",
    "file": "/work/main/test/integration/cli/agent.test.ts"
  },
  {
    "name": "the agent process and MFA at the terminal > serves on a 0600 socket in a 0700 folder and stops cleanly on SIGTERM and SIGINT, removing the socket",
    "file": "/work/main/test/integration/cli/agent.test.ts"
  },
  {
    "name": "the agent process and MFA at the terminal > a broker that answers with an error is reported, not bypassed",
    "file": "/work/main/test/integration/cli/agent.test.ts"
  },
  {
    "name": "the agent process and MFA at the terminal > a second agent refuses to take over a live one; a killed agent’s socket does not block the next",
    "file": "/work/main/test/integration/cli/agent.test.ts"
  },
  {
    "name": "broker over a real socket > answers credentials and status requests",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "broker over a real socket > passes the host error through as a reply the client reports",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "broker over a real socket > socket file is 0600 (its folder is the caller’s 0700 runtime folder)",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "broker over a real socket > garbage, unknown types, wrong protocol and oversized requests get error replies and the broker keeps serving",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "broker over a real socket > drops half-open and slow clients after the request timeout without wedging others",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "broker over a real socket > close removes the socket; a stale socket file from a dead broker does not block the next one",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "broker over a real socket > refuses to start where a live broker already answers",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "broker over a real socket > the client treats a missing socket or a non-socket file as nobody listening",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > takes the reply at its newline, even when the connection stays open",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > takes a reply split over several writes",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > reports a reply that is not JSON as a broker error",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > reports a reply outside the contract as a broker error",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > reports an extra field as a broker error",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > reports no newline before closing as a broker error",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > reports nothing at all as a broker error",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > reports more than the size limit as a broker error",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > reports more than the size limit before its newline as a broker error",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "the client facing a broker that misbehaves > gives up on a broker that accepts but never answers, after the reply timeout",
    "file": "/work/main/test/integration/core/broker/broker-server.test.ts"
  },
  {
    "name": "FileStepStore > shares used steps between stores on one folder, so separate processes never reuse a code",
    "file": "/work/main/test/unit/core/totp/file-step-store.test.ts"
  },
  {
    "name": "FileStepStore > gives claims racing through two stores different steps",
    "file": "/work/main/test/unit/core/totp/file-step-store.test.ts"
  },
  {
    "name": "FileStepStore > writes nothing when a claim declines",
    "file": "/work/main/test/unit/core/totp/file-step-store.test.ts"
  },
  {
    "name": "FileStepStore > reads the file of the first version, which held the step alone",
    "file": "/work/main/test/unit/core/totp/file-step-store.test.ts"
  },
  {
    "name": "FileStepStore > refuses a damaged file, saying it is safe to delete",
    "file": "/work/main/test/unit/core/totp/file-step-store.test.ts"
  },
  {
    "name": "a writer killed at random moments > leaves the old or the new file, never a mix (200 SIGKILLs)",
    "file": "/work/main/test/integration/core/aws-files/crash-safety.test.ts"
  },
  {
    "name": "warnings about files the AWS CLI cannot read > publishing succeeds; each problem is named once with its line, and botocore and both AWS CLIs really fail there",
    "file": "/work/main/test/integration/core/aws-files/file-health.test.ts"
  },
  {
    "name": "warnings about files the AWS CLI cannot read > an edit that refuses warns about nothing, and without warn nothing is checked",
    "file": "/work/main/test/integration/core/aws-files/file-health.test.ts"
  },
  {
    "name": "a new user sets up Latchkey from the command line > adds an identity (secret on stdin) and a role",
    "file": "/work/main/test/integration/cli/new-user.test.ts"
  },
  {
    "name": "a new user sets up Latchkey from the command line > credential-process prints exactly one JSON object with more than 15 minutes left",
    "file": "/work/main/test/integration/cli/new-user.test.ts"
  },
  {
    "name": "a new user sets up Latchkey from the command line > configure-process works for AWS CLI v1 and v2",
    "file": "/work/main/test/integration/cli/new-user.test.ts"
  },
  {
    "name": "a new user sets up Latchkey from the command line > the JS SDK gets the same identity through fromProcess and fromIni",
    "file": "/work/main/test/integration/cli/new-user.test.ts"
  },
  {
    "name": "a new user sets up Latchkey from the command line > publish and use write profiles both CLIs read, leaving other profiles byte for byte",
    "file": "/work/main/test/integration/cli/new-user.test.ts"
  },
  {
    "name": "a new user sets up Latchkey from the command line > exec runs a command with the session, and env lines work when evaluated by sh",
    "file": "/work/main/test/integration/cli/new-user.test.ts"
  },
  {
    "name": "AWS files as botocore and the AWS SDK for JavaScript read them > an edit of one credentials profile: both read the new values, every other section is read as before",
    "file": "/work/main/test/integration/core/aws-files/botocore-agreement.test.ts"
  },
  {
    "name": "AWS files as botocore and the AWS SDK for JavaScript read them > an edit of one config profile: both read the new values, every other section is read as before",
    "file": "/work/main/test/integration/core/aws-files/botocore-agreement.test.ts"
  },
  {
    "name": "AWS files as botocore and the AWS SDK for JavaScript read them > reads configparser corner cases exactly as botocore does",
    "file": "/work/main/test/integration/core/aws-files/botocore-agreement.test.ts"
  },
  {
    "name": "AWS files as botocore and the AWS SDK for JavaScript read them > refuses to edit a section botocore itself cannot read",
    "file": "/work/main/test/integration/core/aws-files/botocore-agreement.test.ts"
  },
  {
    "name": "parallel cold credential-process runs > standalone: one GetSessionToken and one AssumeRole for all of them, the same JSON for each",
    "file": "/work/main/test/integration/cli/single-flight.test.ts"
  },
  {
    "name": "parallel cold credential-process runs > through the agent: one AssumeRole for a new role, and the MFA session is reused",
    "file": "/work/main/test/integration/cli/single-flight.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > configure-process --replace, then unpublish > keeps the replaced line as a comment, prints it, and unpublish puts the file back byte for byte",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > configure-process --replace, then unpublish > a new profile and its session keys go again with unpublish, leaving the files as they were",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > publish --replace over what another tool wrote, then unpublish > keeps the replaced session as a comment, and unpublish puts the file back byte for byte",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > publish --replace over what another tool wrote, then unpublish > a section rewritten since Latchkey wrote it is left as it is, a long-term key above all",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > remove unpublishes what the entry published > lists each profile it cleans up, and leaves the files as they were before publishing",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > keychain hygiene, read from the real keyring > one entry per session, named for it, replaced (not added to) when its role is edited",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > keychain hygiene, read from the real keyring > an edit with no new session leaves none behind once another session is written",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > keychain hygiene, read from the real keyring > removing a role deletes its session; forget --all deletes the rest",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "ownership of what Latchkey writes > keychain hygiene, read from the real keyring > forget goes through a running agent, so its memory forgets too",
    "file": "/work/main/test/integration/cli/ownership.test.ts"
  },
  {
    "name": "secret hygiene > a whole session of use leaves the secret and the seed in no argv and no file",
    "file": "/work/main/test/integration/cli/secret-hygiene.test.ts"
  },
  {
    "name": "editing identities and MFA devices from the command line > refuses a new key STS does not accept, in one line, and changes nothing",
    "file": "/work/main/test/integration/cli/identity-update.test.ts"
  },
  {
    "name": "editing identities and MFA devices from the command line > replaces the key with a verified new one; the role keeps working once the old key is gone",
    "file": "/work/main/test/integration/cli/identity-update.test.ts"
  },
  {
    "name": "editing identities and MFA devices from the command line > gives the identity an MFA device, stores its seed and removes it again",
    "file": "/work/main/test/integration/cli/identity-update.test.ts"
  },
  {
    "name": "editing identities and MFA devices from the command line > refuses a serial another device already has, naming that device, and writes nothing",
    "file": "/work/main/test/integration/cli/identity-update.test.ts"
  },
  {
    "name": "editing identities and MFA devices from the command line > refuses to remove the MFA device a role uses, naming the role; removes it once none does",
    "file": "/work/main/test/integration/cli/identity-update.test.ts"
  },
  {
    "name": "the broker hosted by the app > answers 16 concurrent credential-process runs with one MFA popup, one GetSessionToken and one AssumeRole",
    "file": "/work/main/test/integration/main/app-broker.test.ts"
  },
  {
    "name": "the broker hosted by the app > leaves a live latchkey agent on the socket alone, says so, and keeps working without hosting",
    "file": "/work/main/test/integration/main/app-broker.test.ts"
  },
  {
    "name": "a broker serves only the setup it was started for > the agent listens on its own setup’s address, which another settings folder or keychain service does not reach",
    "file": "/work/main/test/integration/cli/broker-per-setup.test.ts"
  },
  {
    "name": "a broker serves only the setup it was started for > a role of the same name gives each setup its own role",
    "file": "/work/main/test/integration/cli/broker-per-setup.test.ts"
  },
  {
    "name": "a broker serves only the setup it was started for > a role only the agent’s setup has is unknown to the other",
    "file": "/work/main/test/integration/cli/broker-per-setup.test.ts"
  },
  {
    "name": "bad input to the CLI > 'frobnicate' undefined undefined → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' undefined → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'x' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bad]name' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'has space' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'dev' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'role' 'add' 'r' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'credential-process' 'nobody' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'credential-process' 'a b' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'credential-process' undefined undefined → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'env' 'dev' '--format' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'exec' 'dev' undefined → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'exec' 'dev' '--' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'configure-process' 'nobody' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'configure-process' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'configure-process' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'configure-process' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'configure-process' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'use' 'dev' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'use' 'dev' '--replace' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'unpublish' 'corp' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'unpublish' 'a b' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'forget' undefined undefined → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'forget' 'dev' '--all' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'use' 'nosuch' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'nosuch' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'configure-process' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'publish' 'dev' '--as' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'remove' 'identity' 'carol' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'forget' 'nobody' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'import' '--adopt' undefined → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'import' '--scrub' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'remove' 'thing' 'x' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'remove' 'identity' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'remove' 'role' 'nobody' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'totp' 'nodevice' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'totp' 'alice' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'nobody' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'update' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'add' 'bob' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'add' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'nodevice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'update' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'console' undefined undefined → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'console' 'nobody' '--print' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'console' 'a b' undefined → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'console' 'dev' '--service' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'console' 'dev' '--region' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'console' 'dev' '--print' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'rotate' 'nobody' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'rotate' 'a b' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'identity' 'rotate' 'alice' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'enroll' 'p' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'enroll' 'p' → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'enroll' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'enroll' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'enroll' 'p' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'enroll' 'alice' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'enroll' 'p:2' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'mfa' 'enroll' 'a b' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'decode-auth' 'not an encoded message' '--using' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'decode-auth' '-' '--using' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'decode-auth' '4Ys-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' undefined → exit 2",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'decode-auth' '4Ys-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' '--using' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'decode-auth' '4Ys-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' '--using' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'preferences' 'key-age-days' '1.5' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'preferences' 'key-age-days' '4000' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > 'preferences' 'console-browser-profiles' 'yes' → exit 1",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "bad input to the CLI > a malformed settings file is named with its line, and left as it was",
    "file": "/work/main/test/integration/cli/bad-input.test.ts"
  },
  {
    "name": "what the warm path loads > a cold run loads the AWS SDK to call STS",
    "file": "/work/main/test/integration/cli/warm-path.test.ts"
  },
  {
    "name": "what the warm path loads > a warm standalone run loads no AWS SDK code and reads the keychain once",
    "file": "/work/main/test/integration/cli/warm-path.test.ts"
  },
  {
    "name": "what the warm path loads > through the broker, a run loads latchkey.cjs alone and never the keychain",
    "file": "/work/main/test/integration/cli/warm-path.test.ts"
  },
  {
    "name": "the agent under signals and crashes > after an STS call, SIGINT stops the agent cleanly: exit 0, socket removed, \"stopped\"",
    "file": "/work/main/test/integration/faults/agent-signals.test.ts"
  },
  {
    "name": "the agent under signals and crashes > after an STS call, SIGTERM stops the agent cleanly: exit 0, socket removed, \"stopped\"",
    "file": "/work/main/test/integration/faults/agent-signals.test.ts"
  },
  {
    "name": "the agent under signals and crashes > after an STS call, SIGHUP stops the agent cleanly: exit 0, socket removed, \"stopped\"",
    "file": "/work/main/test/integration/faults/agent-signals.test.ts"
  },
  {
    "name": "the agent under signals and crashes > turns off its core dumps, even when started with `ulimit -c unlimited`",
    "file": "/work/main/test/integration/faults/agent-signals.test.ts"
  },
  {
    "name": "the agent under signals and crashes > says so, and how to fix it, when it cannot turn them off (no prlimit on PATH)",
    "file": "/work/main/test/integration/faults/agent-signals.test.ts"
  },
  {
    "name": "an edit beside `aws configure set` > that the CLI overtakes is redone on the CLI’s file, losing neither update",
    "file": "/work/main/test/integration/faults/aws-cli-concurrency.test.ts"
  },
  {
    "name": "30 `aws configure set` beside 90 publish-like edits > lose no update on either side",
    "file": "/work/main/test/integration/faults/aws-cli-concurrency.test.ts"
  },
  {
    "name": "files that are not what Latchkey expects > a FIFO as the credentials file is refused before it is opened, and stays a FIFO",
    "file": "/work/main/test/integration/faults/file-edges.test.ts"
  },
  {
    "name": "files that are not what Latchkey expects > a FIFO as settings.json fails list and role add at once",
    "file": "/work/main/test/integration/faults/file-edges.test.ts"
  },
  {
    "name": "files that are not what Latchkey expects > a device or a folder as the credentials file is refused",
    "file": "/work/main/test/integration/faults/file-edges.test.ts"
  },
  {
    "name": "files that are not what Latchkey expects > a 50 MB credentials file is refused without reading it",
    "file": "/work/main/test/integration/faults/file-edges.test.ts"
  },
  {
    "name": "files that are not what Latchkey expects > a symlink to nothing is refused, not replaced by a regular file",
    "file": "/work/main/test/integration/faults/file-edges.test.ts"
  },
  {
    "name": "files that are not what Latchkey expects > a read-only (0444) credentials file is refused, byte-identical and still 0444",
    "file": "/work/main/test/integration/faults/file-edges.test.ts"
  },
  {
    "name": "files that are not what Latchkey expects > a read-only folder fails at once, naming the folder",
    "file": "/work/main/test/integration/faults/file-edges.test.ts"
  },
  {
    "name": "files that are not what Latchkey expects > another user > refuses to rewrite a 0666 credentials file owned by another user",
    "file": "/work/main/test/integration/faults/file-edges.test.ts"
  },
  {
    "name": "a full disk > publish into a 34 KB credentials file with 28 KB free fails, leaving the file byte-identical",
    "file": "/work/main/test/integration/faults/full-disk.test.ts"
  },
  {
    "name": "a full disk > role add with settings.json near full fails, leaving settings.json byte-identical and usable",
    "file": "/work/main/test/integration/faults/full-disk.test.ts"
  },
  {
    "name": "STS faults: bounded retries and clear errors > HTTP 500 is retried, then reported as STS not answering",
    "file": "/work/main/test/integration/core/sts/sts-faults.test.ts"
  },
  {
    "name": "STS faults: bounded retries and clear errors > throttling is retried with backoff, then reported as throttling",
    "file": "/work/main/test/integration/core/sts/sts-faults.test.ts"
  },
  {
    "name": "STS faults: bounded retries and clear errors > a passing fault is absorbed by a retry",
    "file": "/work/main/test/integration/core/sts/sts-faults.test.ts"
  },
  {
    "name": "STS faults: bounded retries and clear errors > a hanging endpoint times out each attempt and ends within seconds",
    "file": "/work/main/test/integration/core/sts/sts-faults.test.ts"
  },
  {
    "name": "STS faults: bounded retries and clear errors > nothing listening is a network error, quickly",
    "file": "/work/main/test/integration/core/sts/sts-faults.test.ts"
  },
  {
    "name": "processes editing one credentials file at once > lose no update (8 processes x 25 edits)",
    "file": "/work/main/test/integration/core/aws-files/concurrency.test.ts"
  },
  {
    "name": "the desktop app, composed > activating a role from the tray menu writes its session into [default] and shows it active",
    "file": "/work/main/test/integration/main/app-composition.test.ts"
  },
  {
    "name": "the desktop app, composed > serves the CLI from the app's broker: the same session, and the same export lines the tray copies",
    "file": "/work/main/test/integration/main/app-composition.test.ts"
  },
  {
    "name": "the desktop app, composed > reminds before the active session expires, and its Renew writes a new session into [default]",
    "file": "/work/main/test/integration/main/app-composition.test.ts"
  },
  {
    "name": "the desktop app, composed > quits through the menu leaving no timer, watcher or socket, and removes the socket file",
    "file": "/work/main/test/integration/main/app-composition.test.ts"
  },
  {
    "name": "the tray switching over a profile Latchkey does not own > leaves a long-term key in [default] byte for byte and offers the settings, never Replace",
    "file": "/work/main/test/integration/main/tray-ownership.test.ts"
  },
  {
    "name": "the tray switching over a profile Latchkey does not own > replaces a foreign session in [default] only on Replace, and records [default] as Latchkey’s",
    "file": "/work/main/test/integration/main/tray-ownership.test.ts"
  },
  {
    "name": "STS through the session engine against moto with request authentication on > assumes a role signed with the user's key; the session is that role's, kept in the keychain",
    "file": "/work/main/test/integration/core/sts/signed-assume-role.test.ts"
  },
  {
    "name": "STS through the session engine against moto with request authentication on > a user without sts:AssumeRole gets a denial naming the action and the role",
    "file": "/work/main/test/integration/core/sts/signed-assume-role.test.ts"
  },
  {
    "name": "STS through the session engine against moto with request authentication on > a wrong external id gets a denial that mentions the external id",
    "file": "/work/main/test/integration/core/sts/signed-assume-role.test.ts"
  },
  {
    "name": "STS through the session engine against moto with request authentication on > a deleted access key says which identity and what to do",
    "file": "/work/main/test/integration/core/sts/signed-assume-role.test.ts"
  },
  {
    "name": "STS through the session engine against moto with request authentication on > a wrong stored secret says to enter it again",
    "file": "/work/main/test/integration/core/sts/signed-assume-role.test.ts"
  },
  {
    "name": "a lock left by a killed process > holds the next writer back only until it goes stale (seconds)",
    "file": "/work/main/test/integration/core/aws-files/stale-lock.test.ts"
  },
  {
    "name": "headers botocore and the AWS SDK for JavaScript read differently > refuses exactly the headers the two read differently, and edits the others so both read the new value",
    "file": "/work/main/test/integration/core/aws-files/header-agreement.test.ts"
  },
  {
    "name": "withFileLock > runs one holder at a time and returns the work result",
    "file": "/work/main/test/unit/core/fs/file-lock.test.ts"
  },
  {
    "name": "withFileLock > gives up after waitMs with a file-locked error naming the file",
    "file": "/work/main/test/unit/core/fs/file-lock.test.ts"
  },
  {
    "name": "withFileLock > releases the lock when the work throws, and creates a missing folder for it",
    "file": "/work/main/test/unit/core/fs/file-lock.test.ts"
  },
  {
    "name": "withFileLock > fails at once, naming the folder, when the lock cannot be made at all",
    "file": "/work/main/test/unit/core/fs/file-lock.test.ts"
  },
  {
    "name": "writeFileAtomically > creates the folder 0700 and a new file 0600, leaving no temp file",
    "file": "/work/main/test/unit/core/fs/atomic-write.test.ts"
  },
  {
    "name": "writeFileAtomically > replaces an existing file, keeping its mode, and writes bytes as given",
    "file": "/work/main/test/unit/core/fs/atomic-write.test.ts"
  },
  {
    "name": "writeFileAtomically > writes through a symlink to its target",
    "file": "/work/main/test/unit/core/fs/atomic-write.test.ts"
  },
  {
    "name": "writeFileAtomically > refuses a symlink to nothing, keeping the link and creating nothing",
    "file": "/work/main/test/unit/core/fs/atomic-write.test.ts"
  },
  {
    "name": "writeFileAtomically > refuses a read-only file, keeping its bytes and mode",
    "file": "/work/main/test/unit/core/fs/atomic-write.test.ts"
  },
  {
    "name": "writeFileAtomically > refuses anything but a regular file: a folder, a FIFO",
    "file": "/work/main/test/unit/core/fs/atomic-write.test.ts"
  },
  {
    "name": "writeFileAtomically > abandons the write, keeping the original, when stillCurrent says no",
    "file": "/work/main/test/unit/core/fs/atomic-write.test.ts"
  },
  {
    "name": "editAwsFile on a real file system > creates a missing ~/.aws 0700 and the file 0600",
    "file": "/work/main/test/integration/core/aws-files/edit-aws-file.test.ts"
  },
  {
    "name": "editAwsFile on a real file system > creates the folders of AWS_CONFIG_FILE too",
    "file": "/work/main/test/integration/core/aws-files/edit-aws-file.test.ts"
  },
  {
    "name": "editAwsFile on a real file system > keeps an existing file mode (0640)",
    "file": "/work/main/test/integration/core/aws-files/edit-aws-file.test.ts"
  },
  {
    "name": "editAwsFile on a real file system > writes through a symlinked credentials file, keeping the link",
    "file": "/work/main/test/integration/core/aws-files/edit-aws-file.test.ts"
  },
  {
    "name": "editAwsFile on a real file system > does not write when the bytes would not change, nor create a file for nothing",
    "file": "/work/main/test/integration/core/aws-files/edit-aws-file.test.ts"
  },
  {
    "name": "editAwsFile on a real file system > reads a missing file as no profiles",
    "file": "/work/main/test/integration/core/aws-files/edit-aws-file.test.ts"
  },
  {
    "name": "systemKeychain without a session bus > fails at once with 'keychain-unavailable', saying how to provide one",
    "file": "/work/main/test/integration/core/keychain/keychain-failures.test.ts"
  },
  {
    "name": "systemKeychain on a keyring of its own that fails > answers every call on a locked keyring with 'keychain-locked', without waiting for a timeout",
    "file": "/work/main/test/integration/core/keychain/keychain-failures.test.ts"
  },
  {
    "name": "systemKeychain on a keyring of its own that fails > answers calls to a frozen Secret Service with 'keychain-timeout' within its timeout",
    "file": "/work/main/test/integration/core/keychain/keychain-failures.test.ts"
  },
  {
    "name": "the session engine with the real keychain, files and STS > 16 concurrent requests in one process: one GetSessionToken, one AssumeRole, one MFA prompt, one session for all",
    "file": "/work/main/test/integration/core/sessions/session-engine.test.ts"
  },
  {
    "name": "the session engine with the real keychain, files and STS > STS server-error: a clear error, and keychain, settings and files exactly as they were",
    "file": "/work/main/test/integration/core/sessions/session-engine.test.ts"
  },
  {
    "name": "the session engine with the real keychain, files and STS > STS throttle: a clear error, and keychain, settings and files exactly as they were",
    "file": "/work/main/test/integration/core/sessions/session-engine.test.ts"
  },
  {
    "name": "the session engine with the real keychain, files and STS > STS hang: a clear error, and keychain, settings and files exactly as they were",
    "file": "/work/main/test/integration/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SettingsStore on real files > reads defaults when there is no file, and creates none",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > serves an unchanged file from memory, as a copy, and sees every change made by anyone",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > round-trips every kind of entry",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > writes atomically: a 0600 file in a 0700 folder, no temp or lock files left",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > keeps the mode of an existing file",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a change that fails writes nothing > when the change throws",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a change that fails writes nothing > when the result breaks the schema or the integrity rules",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > malformed JSON",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > an empty file",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > a bad token",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > a bad field",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > an unknown key",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > a newer version",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > no version",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > not an object",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > a dangling reference",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore on real files > a bad file is refused with its problem, and left byte-identical > but accepts a byte order mark",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "SettingsStore across processes > loses no update when several processes change the file at once",
    "file": "/work/main/test/integration/core/settings/settings-store.test.ts"
  },
  {
    "name": "STS through the session engine against moto: one MFA session, two roles > asks for one MFA code, calls GetSessionToken once and AssumeRole once per role",
    "file": "/work/main/test/integration/core/sts/mfa-session-roles.test.ts"
  },
  {
    "name": "SessionEngine > one MFA code serves two roles, and cached sessions make no STS call",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > gives a session with its region, the role’s own or its source’s, from one reading of the settings",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > keeps the MFA session and role sessions only in the keychain",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > renews a role session inside the renewal window from the cached MFA session, without a prompt",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > publishes a session losslessly and tracks it; use writes the active target profile",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > refuses, writing nothing, where [DEFAULT] holds an aws_security_token botocore would read first",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > refuses a read-only credentials file before any STS call or prompt, and leaves it as it was",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > use also publishes under the role’s own name when that preference is on",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > warns when the config file would shadow a published profile",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > strips expired session keys only when the setting is on, and only from published profiles",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > forget drops the cached session; renew replaces it",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "SessionEngine > an unknown name is a clear error and calls nothing",
    "file": "/work/main/test/unit/core/sessions/session-engine.test.ts"
  },
  {
    "name": "updateIdentity > replaces a verified new key, records who it is, and supersedes the identity and every role chained from it",
    "file": "/work/main/test/unit/core/settings/update-identity.test.ts"
  },
  {
    "name": "updateIdentity > changes nothing when STS refuses the new key",
    "file": "/work/main/test/unit/core/settings/update-identity.test.ts"
  },
  {
    "name": "updateIdentity > refuses a new key id without its secret, and a malformed secret, before asking STS",
    "file": "/work/main/test/unit/core/settings/update-identity.test.ts"
  },
  {
    "name": "updateIdentity > supersedes nothing when only the region changes",
    "file": "/work/main/test/unit/core/settings/update-identity.test.ts"
  },
  {
    "name": "updateIdentity > changes its own device's serial, and supersedes the identity and the roles using that device",
    "file": "/work/main/test/unit/core/settings/update-identity.test.ts"
  },
  {
    "name": "updateIdentity > adds a device named after the identity when it has none, as adding it with a serial does",
    "file": "/work/main/test/unit/core/settings/update-identity.test.ts"
  },
  {
    "name": "updateIdentity > refuses another device's serial, naming that device, and changes nothing",
    "file": "/work/main/test/unit/core/settings/update-identity.test.ts"
  },
  {
    "name": "updateIdentity > removes its device with the seed, but not while a role uses it",
    "file": "/work/main/test/unit/core/settings/update-identity.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > space in a name",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > brackets and a newline in a name",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > empty name",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > name with = (removing keys)",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > [DEFAULT] in the credentials file: configparser defaults for every profile",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > __proto__: the JS SDK refuses the file",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > constructor: the JS SDK reads a function",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > key with =",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > key with [",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > key with a space",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > key with a line break",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > key with :",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > upper-case key",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > empty key",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > bad key to remove",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > value with a line break",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > value with a carriage return",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > empty value",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > leading space",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > trailing \\x1f, white space only to Python",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > trailing tab",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > # after a space",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > ; at the start",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > profile twice",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > [default] and [profile default] in the config file",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > [profile dev] and [profile \"dev\"], removing the profile",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > key twice (botocore lower-cases keys)",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > a line with no delimiter (e.g. a pasted secret)",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > a line with no key",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > a nested line with no =",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > an indented line under a plain value (botocore: more value; JS SDK: a line of its own)",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > an indented header under a key (a section only the JS SDK sees)",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > text after a header ] (the JS SDK would file the keys under the profile before)",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > extra spaces in a config header: profile dev to botocore, none to the JS SDK",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > a space before the ] of a config header",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > [profile.dev]: profile dev to the JS SDK only, so a new [profile dev] would be its second section",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > a no-break space in a config header, white space to the JS SDK only (shown escaped)",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > an indented header under a key of another profile: a section of its own to the JS SDK only",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > a lone carriage return before the header, no line break to the JS SDK",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "bad inputs are refused with a message and nothing is written > a file that is not UTF-8",
    "file": "/work/main/test/unit/core/aws-files/bad-inputs.test.ts"
  },
  {
    "name": "the broker client trusts only a socket of ours in a private folder of ours > refuses a folder open to others, before connecting",
    "file": "/work/main/test/unit/core/broker/broker-client.test.ts"
  },
  {
    "name": "the broker client trusts only a socket of ours in a private folder of ours > refuses a folder that is a symbolic link, even to a private folder of ours",
    "file": "/work/main/test/unit/core/broker/broker-client.test.ts"
  },
  {
    "name": "the broker client trusts only a socket of ours in a private folder of ours > does not follow a symbolic link in place of the socket",
    "file": "/work/main/test/unit/core/broker/broker-client.test.ts"
  },
  {
    "name": "the broker client trusts only a socket of ours in a private folder of ours > refuses a socket that belongs to another user, in a folder of ours",
    "file": "/work/main/test/unit/core/broker/broker-client.test.ts"
  },
  {
    "name": "a session too large for the broker to relay > is answered with an error the client recognises: it works standalone, with a notice",
    "file": "/work/main/test/unit/core/broker/broker-client.test.ts"
  },
  {
    "name": "a session too large for the broker to relay > while a long token that fits (20 KB, session tags) is relayed as it is",
    "file": "/work/main/test/unit/core/broker/broker-client.test.ts"
  },
  {
    "name": "saveWithSecret > stores the secret and the settings change together",
    "file": "/work/main/test/unit/core/settings/save-with-secret.test.ts"
  },
  {
    "name": "saveWithSecret > puts back the previous secret, or none, when the settings refuse the change",
    "file": "/work/main/test/unit/core/settings/save-with-secret.test.ts"
  },
  {
    "name": "updateRole > replaces the role and supersedes it and every role chained from it",
    "file": "/work/main/test/unit/core/settings/update-role.test.ts"
  },
  {
    "name": "updateRole > supersedes nothing when nothing changed",
    "file": "/work/main/test/unit/core/settings/update-role.test.ts"
  },
  {
    "name": "updateRole > refuses a role that does not exist or a change the settings check refuses",
    "file": "/work/main/test/unit/core/settings/update-role.test.ts"
  },
  {
    "name": "updateMfaDevice > stores a seed and turns auto-MFA on, keeping the serial; no session is superseded",
    "file": "/work/main/test/unit/core/settings/update-mfa-device.test.ts"
  },
  {
    "name": "updateMfaDevice > removes the seed from the keychain once the settings say so",
    "file": "/work/main/test/unit/core/settings/update-mfa-device.test.ts"
  },
  {
    "name": "updateMfaDevice > refuses auto-MFA without a seed, and changes nothing",
    "file": "/work/main/test/unit/core/settings/update-mfa-device.test.ts"
  },
  {
    "name": "updateMfaDevice > a new serial supersedes the sessions of its identity and of the roles using the device, down their chains",
    "file": "/work/main/test/unit/core/settings/update-mfa-device.test.ts"
  },
  {
    "name": "updateMfaDevice > refuses a serial another device has, naming it; a seed given with it is not kept",
    "file": "/work/main/test/unit/core/settings/update-mfa-device.test.ts"
  },
  {
    "name": "CachedProvider > asks the provider once and serves the cached session while it is fresh",
    "file": "/work/main/test/unit/core/sessions/cached-provider.test.ts"
  },
  {
    "name": "CachedProvider > renews a session with less than the renewal window left instead of handing it out",
    "file": "/work/main/test/unit/core/sessions/cached-provider.test.ts"
  },
  {
    "name": "CachedProvider > lets concurrent callers share one provider call",
    "file": "/work/main/test/unit/core/sessions/cached-provider.test.ts"
  },
  {
    "name": "CachedProvider > two wrappers of the same key in one process share the flight and the cache",
    "file": "/work/main/test/unit/core/sessions/cached-provider.test.ts"
  },
  {
    "name": "CachedProvider > a failed call is not cached and the next caller tries again",
    "file": "/work/main/test/unit/core/sessions/cached-provider.test.ts"
  },
  {
    "name": "CachedProvider > renew gets a new session even while the cached one is fresh; forget drops it",
    "file": "/work/main/test/unit/core/sessions/cached-provider.test.ts"
  },
  {
    "name": "CachedProvider > refuses a provider that hands out long-term credentials",
    "file": "/work/main/test/unit/core/sessions/cached-provider.test.ts"
  },
  {
    "name": "writeFileAtomically under disk faults > keeps writing after short writes until every byte is on disk",
    "file": "/work/main/test/unit/core/fs/atomic-write-faults.test.ts"
  },
  {
    "name": "writeFileAtomically under disk faults > keeps the original when the disk fills after a short write",
    "file": "/work/main/test/unit/core/fs/atomic-write-faults.test.ts"
  },
  {
    "name": "writeFileAtomically under disk faults > keeps the original when the file system accepts 0 bytes",
    "file": "/work/main/test/unit/core/fs/atomic-write-faults.test.ts"
  },
  {
    "name": "writeFileAtomically under disk faults > keeps the original when fsync fails",
    "file": "/work/main/test/unit/core/fs/atomic-write-faults.test.ts"
  },
  {
    "name": "writeFileAtomically under disk faults > keeps the original when the temp file is not as long as the data",
    "file": "/work/main/test/unit/core/fs/atomic-write-faults.test.ts"
  },
  {
    "name": "writeFileAtomically under disk faults > says a new file was not created",
    "file": "/work/main/test/unit/core/fs/atomic-write-faults.test.ts"
  },
  {
    "name": "readRegularFile > reads a regular file through a symlink, and a missing one as undefined",
    "file": "/work/main/test/unit/core/fs/read-regular-file.test.ts"
  },
  {
    "name": "readRegularFile > reads a file of exactly the bound, and an empty one",
    "file": "/work/main/test/unit/core/fs/read-regular-file.test.ts"
  },
  {
    "name": "readRegularFile > refuses a FIFO without waiting for a writer",
    "file": "/work/main/test/unit/core/fs/read-regular-file.test.ts"
  },
  {
    "name": "readRegularFile > refuses a device (through a symlink), a folder and a socket",
    "file": "/work/main/test/unit/core/fs/read-regular-file.test.ts"
  },
  {
    "name": "readRegularFile > refuses a file over the bound without reading it",
    "file": "/work/main/test/unit/core/fs/read-regular-file.test.ts"
  },
  {
    "name": "watchFiles > reports a file replaced by an atomic write, not its neighbours, and skips missing folders",
    "file": "/work/main/test/unit/main/app/file-watch.test.ts"
  },
  {
    "name": "FakeSts > accepts the code of the current step and its neighbours, once each, and nothing older",
    "file": "/work/main/test/unit/core/sts/fake-sts.test.ts"
  },
  {
    "name": "FakeSts > refuses an MFA serial that is not the user’s",
    "file": "/work/main/test/unit/core/sts/fake-sts.test.ts"
  },
  {
    "name": "FakeSts > enforces duration limits, the role maximum and the one-hour cap on roles assumed from a session",
    "file": "/work/main/test/unit/core/sts/fake-sts.test.ts"
  },
  {
    "name": "FakeSts > issued sessions expire, revoked keys and wrong secrets are refused",
    "file": "/work/main/test/unit/core/sts/fake-sts.test.ts"
  },
  {
    "name": "FakeSts > checks trust: external id and MFA",
    "file": "/work/main/test/unit/core/sts/fake-sts.test.ts"
  },
  {
    "name": "FakeSts > fails on demand, counting the failed calls",
    "file": "/work/main/test/unit/core/sts/fake-sts.test.ts"
  },
  {
    "name": "runtimeFolder > uses $XDG_RUNTIME_DIR/latchkey when set to an absolute path",
    "file": "/work/main/test/unit/core/fs/runtime-folder.test.ts"
  },
  {
    "name": "runtimeFolder > falls back to latchkey-UID in the temp folder",
    "file": "/work/main/test/unit/core/fs/runtime-folder.test.ts"
  },
  {
    "name": "runtimeFolder > lives under %LOCALAPPDATA% on Windows",
    "file": "/work/main/test/unit/core/fs/runtime-folder.test.ts"
  },
  {
    "name": "ensureRuntimeFolder > creates the folder private to the user and returns it",
    "file": "/work/main/test/unit/core/fs/runtime-folder.test.ts"
  },
  {
    "name": "ensureRuntimeFolder > closes an existing folder that others could enter",
    "file": "/work/main/test/unit/core/fs/runtime-folder.test.ts"
  },
  {
    "name": "ensureRuntimeFolder > refuses a symbolic link or a file in its place",
    "file": "/work/main/test/unit/core/fs/runtime-folder.test.ts"
  },
  {
    "name": "ensureRuntimeFolder > refuses a folder that belongs to another user",
    "file": "/work/main/test/unit/core/fs/runtime-folder.test.ts"
  }
]