import { describe, expect, it } from 'vitest';
import { fileHealth } from '../../../../electron/core/aws-files/file-health';
import { IniDocument } from '../../../../electron/core/aws-files/ini-document';

const UNREADABLE = 'so the AWS CLI cannot read this file';
const SECRET = 'wJalrXUtnFEMIK7MDENG';
const health = (text: string) => fileHealth(IniDocument.parse(text), 'F');

describe('fileHealth', () => {
  it('finds nothing in a file botocore reads', () => {
    const text =
      '# intro\n\n[default]\nregion = a\n[profile default]\nregion = b\n[DEFAULT]\noutput = json\n[dev]\ns3 =\n  addressing_style = path\n[DEFAULT]\ncli_pager =\n';
    expect(health(text)).toEqual([]);
    expect(health('')).toEqual([]);
  });

  it('names a BOM on line 1', () => {
    expect(health('\ufeff[dev]\nregion = a\n')).toEqual([`F line 1: the file starts with a UTF-8 byte order mark (BOM), ${UNREADABLE}; save it as UTF-8 without a BOM`]);
  });

  it('names the first line before the first header that is no comment or blank line', () => {
    expect(health(`# comment\n\n  ; indented comment\n${SECRET}\nregion = a\n[dev]\n`)).toEqual([
      `F line 4: this line comes before the first [section] header, ${UNREADABLE}; move it into a section, make it a # comment or remove it`,
    ]);
  });

  it('names each repeat of a section name, but not of [DEFAULT]', () => {
    expect(health('[dev]\na = 1\n[prod]\n[dev]\nb = 2\n[DEFAULT]\n[DEFAULT]\n[dev]\n')).toEqual([
      `F line 4: "[dev]" appears a second time (first on line 1), ${UNREADABLE}; merge them into one`,
      `F line 8: "[dev]" appears again (first on line 1), ${UNREADABLE}; merge them into one`,
    ]);
  });

  it('names a key given twice in a section (keys are lower-cased), also across [DEFAULT] sections', () => {
    expect(health('[dev]\nregion = a\nREGION: b\n[prod]\nregion = c\n[DEFAULT]\noutput = json\n[DEFAULT]\noutput = text\n')).toEqual([
      `F line 3: key region in [dev] appears a second time (first on line 2), ${UNREADABLE}; keep one of them`,
      `F line 9: key output in [DEFAULT] appears a second time (first on line 7), ${UNREADABLE}; keep one of them`,
    ]);
  });

  it('names a key given again in a section of many keys as in one of a few', () => {
    const many = Array.from({ length: 20 }, (_, i) => `key_${i} = ${i}`).join('\n');
    expect(health(`[dev]\n${many}\nKEY_3 = x\nkey_3 = y\n`)).toEqual([
      `F line 22: key key_3 in [dev] appears a second time (first on line 5), ${UNREADABLE}; keep one of them`,
      `F line 23: key key_3 in [dev] appears again (first on line 5), ${UNREADABLE}; keep one of them`,
    ]);
    expect(health('[dev]\nkey_3 = 1\nKEY_3 = x\nkey_3 = y\n')).toEqual([
      `F line 3: key key_3 in [dev] appears a second time (first on line 2), ${UNREADABLE}; keep one of them`,
      `F line 4: key key_3 in [dev] appears again (first on line 2), ${UNREADABLE}; keep one of them`,
    ]);
  });

  it('names lines botocore cannot parse, never quoting them', () => {
    const messages = health(`[dev]\nregion = a\n${SECRET}\n[profile x]\ns3 =\n  no equals\n= no key\n`);
    expect(messages).toEqual([
      `F line 3: this line in [dev] is not "key = value", a comment or an indented continuation, ${UNREADABLE}; fix or remove it`,
      `F line 6: this line in [profile x] is not "key = value", a comment or an indented continuation, ${UNREADABLE}; fix or remove it`,
      `F line 7: this line in [profile x] is not "key = value", a comment or an indented continuation, ${UNREADABLE}; fix or remove it`,
    ]);
    expect(messages.join('\n')).not.toContain(SECRET);
  });

  it('counts lines as Python does (\\r\\n, \\n and a lone \\r each end one), in line order', () => {
    expect(health('\ufeffstray\r\n[a]\r[a]\n')).toEqual([
      `F line 1: the file starts with a UTF-8 byte order mark (BOM), ${UNREADABLE}; save it as UTF-8 without a BOM`,
      `F line 1: this line comes before the first [section] header, ${UNREADABLE}; move it into a section, make it a # comment or remove it`,
      `F line 3: "[a]" appears a second time (first on line 2), ${UNREADABLE}; merge them into one`,
    ]);
  });
});
