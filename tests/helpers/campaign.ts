// Temporary campaigns for tests: copies of the examples or fixtures, or ones written inline.
// Tests never write into the repository.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLES = path.join(REPO, 'examples');
export const FIXTURES = path.join(REPO, 'tests/fixtures');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'ledger-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh copy of examples/<name> (or any folder) to run commands on. */
export function copyCampaign(source: string): string {
  const from = path.isAbsolute(source) ? source : path.join(EXAMPLES, source);
  const dir = path.join(tempDir(), path.basename(from));
  cpSync(from, dir, { recursive: true });
  rmSync(path.join(dir, 'ledgers'), { recursive: true, force: true });
  rmSync(path.join(dir, 'exports'), { recursive: true, force: true });
  return dir;
}

/** Writes a campaign from a map of relative path → content (string or bytes). */
export function writeCampaign(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** A minimal valid ledger.yaml with one work group g1 (Zhang Ming leading, Li Hua). */
export const MINI_CAMPAIGN = `kind: campaign
title: Going to the grassroots to listen to opinions
unit: District Judicial Bureau
locale: en
period: { start: 2014-04-08, end: 2014-05-31 }
deadlines: { groups: 2014-05-22, report: 2014-05-25 }
groups:
  - id: g1
    name: Group 1
    type: work-group
    leader: Zhang Ming
    members:
      - { name: Zhang Ming, title: Director, leading: true }
      - { name: Li Hua }
`;

/** A valid visit v1 of MINI_CAMPAIGN's group g1 (add fields by appending lines). */
export const MINI_VISIT = `kind: visit
id: v1
date: 2014-04-25
place: Xingfu Community
pattern: grassroots
methods: [symposium]
led_by: Zhang Ming
participants: [Zhang Ming, Li Hua]
`;

/** The smallest real JPEG and PNG headers: enough for the byte sniffing. */
/** MINI_VISIT with people heard and a picture (groups/g1/photos/a.jpg): a visit no rule finds fault with. */
export const MINI_VISIT_HEARD = `${MINI_VISIT}audiences: [{ kind: masses, count: 10 }]\nphotos: [photos/a.jpg]\n`;

/** An opinion heard on MINI_VISIT's v1; `extra` lines are added at its end. */
export const MINI_OPINION = (id: string, extra = '') => `kind: opinion
id: ${id}
date: 2014-04-25
visit: v1
channel: face-to-face
collected_by: Li Hua
source: { kind: masses }
category: formalism
about: leadership-team
content: Too many meetings ${id}.
${extra}`;

export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A named pipe at `file` (false where the system has no mkfifo: the test then says it skipped). */
export function mkfifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file]);
    return true;
  } catch {
    return false;
  }
}

/** A city campaign in `top`/city with one group (c1, one visit) that rolls up `units` (paths from city/). */
export function writeCity(top: string, units: readonly string[]): string {
  const city = path.join(top, 'city');
  mkdirSync(path.join(city, 'groups/c1'), { recursive: true });
  writeFileSync(
    path.join(city, 'ledger.yaml'),
    `kind: campaign\ntitle: 下基层听意见主题活动\nunit: 市司法局\nlocale: zh-CN\nperiod: { start: 2014-04-08, end: 2014-05-31 }\ndeadlines: { groups: 2014-05-22, report: 2014-05-25 }\ngroups:\n  - { id: c1, name: 市局工作组, type: 工作组, leader: 李明, members: [{ name: 李明, leading: true }] }\nunits:\n${units.map((u) => `  - ${u}\n`).join('')}`,
  );
  writeFileSync(
    path.join(city, 'groups/c1/v1.yaml'),
    'kind: visit\nid: v1\ndate: 2014-04-20\nplace: 市司法局\npattern: 下基层\nmethods: [座谈会]\nled_by: 李明\nparticipants: [李明]\n',
  );
  return city;
}
