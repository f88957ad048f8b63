import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { brokerRequestSchema } from '../../../electron/shared/broker-contract';
import { printableText } from '../../../electron/shared/printable-text';

// What the attack in issue 11 (item 14) sent: retitle the window, erase the line, draw a fake prompt.
const SPOOF = '\u001b]0;owned\u0007\u001b[2K\rMFA code for root@prod: ';

describe('printableText', () => {
  it('replaces every control character a terminal acts on: C0, DEL, C1 and bidi controls', () => {
    expect(printableText(SPOOF)).toBe('\ufffd]0;owned\ufffd\ufffd[2K\ufffdMFA code for root@prod: ');
    const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];
    const bidi = [0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const code of [...controls, ...bidi]) expect(printableText(`a${String.fromCodePoint(code)}b`), code.toString(16)).toBe('a\ufffdb');
  });

  it('keeps printable text as it is, other scripts and emoji included', () => {
    for (const text of ['credential_process dev', 'exec prod -- aws s3 ls', 'Zoë’s 端末 🔑', '']) expect(printableText(text)).toBe(text);
  });

  it('cleans a broker request’s requester at the schema, before any host sees it', () => {
    const parsed = v.parse(brokerRequestSchema(), { type: 'credentials', protocol: 1, name: 'dev', requester: SPOOF });
    expect(parsed).toMatchObject({ requester: printableText(SPOOF) });
  });
});
