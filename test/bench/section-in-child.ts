import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './bench-section.ts';

const CHILD = fileURLToPath(new URL('./section-child.ts', import.meta.url));

/**
 * Runs one bench section in a fresh Node process and answers what it measured. For a figure
 * about a command a user starts afresh (`vitals report`): measured at the end of this long-lived
 * process instead, it paid for the heap every earlier section left behind.
 */
export function sectionInChild(module: string, exported: string): Promise<BenchSection> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CHILD, module, exported],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`Bench section ${exported} failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as BenchSection);
      },
    );
  });
}
