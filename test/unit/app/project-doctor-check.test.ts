import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectDoctorCheck } from '../../../src/cli/project-doctor-check.ts';
import { appConfigureCommand } from '../../../src/cli/app-configure-command.ts';
import { configEnv, configOf, memoryIo, projectCopy, removeCopies, ROOT } from './project-copy.ts';

const WEBHOOKS = 'extensions/app/webhooks/webhooks-hsmeta.json';
const FIX = /run `vitals app configure --public-url (\S+)`, then `hs project upload`$/;

afterAll(removeCopies);

function edit(dir: string, file: string, change: (text: string) => string) {
  const full = path.join(dir, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
}

function configured(url = 'https://vitals.acme.com'): string {
  const dir = projectCopy();
  appConfigureCommand({ publicUrl: url, projectDir: dir }, memoryIo(), configEnv());
  return dir;
}

describe('projectDoctorCheck', () => {
  it('is ok for this repository as checked in, noting the placeholder URL', () => {
    const check = projectDoctorCheck(configOf(), ROOT);
    expect(check.ok).toBe(true);
    expect(check.detail).toMatch(
      /^every file sends HubSpot to https:\/\/vitals\.example\.com; \d+ webhook subscriptions match the config; that is the placeholder/,
    );
  });

  it('is ok once configured, with VITALS_PUBLIC_URL the same', () => {
    const dir = configured();
    const check = projectDoctorCheck(
      configOf(undefined, { VITALS_PUBLIC_URL: 'https://vitals.acme.com' }),
      dir,
    );
    expect(check).toEqual({
      ok: true,
      detail: expect.not.stringContaining('placeholder') as string,
    });
  });

  it('fails when the files disagree on the URL, naming the fix', () => {
    const dir = configured();
    edit(dir, WEBHOOKS, (text) =>
      text.replace('https://vitals.acme.com/webhooks', 'https://old.acme.com/webhooks'),
    );
    const check = projectDoctorCheck(configOf(), dir);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain(
      'webhooks targetUrl is https://old.acme.com/webhooks/hubspot, not https://vitals.acme.com/webhooks/hubspot',
    );
    expect(check.detail).toMatch(FIX);
    expect(FIX.exec(check.detail)?.[1]).toBe('https://vitals.acme.com');
  });

  it('fails when VITALS_PUBLIC_URL is not the URL the project sends HubSpot to', () => {
    const check = projectDoctorCheck(
      configOf(undefined, { VITALS_PUBLIC_URL: 'https://new.acme.com' }),
      configured(),
    );
    expect(check.ok).toBe(false);
    expect(check.detail).toContain(
      'VITALS_PUBLIC_URL is https://new.acme.com, but the project sends HubSpot to https://vitals.acme.com',
    );
    expect(FIX.exec(check.detail)?.[1]).toBe('https://new.acme.com');
  });

  it('fails when a subscription the config needs is missing', () => {
    const dir = configured();
    edit(dir, WEBHOOKS, (text) => {
      const json = JSON.parse(text) as {
        config: { subscriptions: { legacyCrmObjects: unknown[] } };
      };
      json.config.subscriptions.legacyCrmObjects.splice(0, 1);
      return JSON.stringify(json, null, 2);
    });
    const check = projectDoctorCheck(configOf(), dir);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('webhooks do not subscribe to company.associationChange');
    expect(check.detail).toMatch(FIX);
  });

  it('fails when the mapping changed since the subscriptions were written', () => {
    const config = configOf('signals:\n  usage_depth: { from: company, property: depth_of_use }\n');
    const check = projectDoctorCheck(config, configured());
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('object.propertyChange company depth_of_use');
    expect(check.detail).toContain('what the config no longer reads: ');
  });

  it('fails when the app pages call another URL than the cards', () => {
    const dir = configured();
    edit(dir, 'extensions/app/pages/service/service-url.ts', (text) =>
      text.replace('https://vitals.acme.com', 'https://old.acme.com'),
    );
    const check = projectDoctorCheck(configOf(), dir);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain(
      "the app pages call https://old.acme.com, not the cards' https://vitals.acme.com",
    );
    expect(FIX.exec(check.detail)?.[1]).toBe('https://vitals.acme.com');
  });

  it('fails when the webhooks file is missing', () => {
    const dir = configured();
    rmSync(path.join(dir, WEBHOOKS));
    const check = projectDoctorCheck(configOf(), dir);
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/webhooks-hsmeta\.json is missing/);
  });

  it('skips a folder without hsproject.json', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'vitals-noproject-'));
    expect(projectDoctorCheck(configOf(), empty)).toEqual({
      ok: true,
      detail: `no hsproject.json in ${empty}: skipped`,
    });
    rmSync(empty, { recursive: true });
  });
});
