import type { ChildProcess } from 'node:child_process';

export interface ChildOutput {
  /** The JSON lines it logged on stderr, parsed. */
  logs: Record<string, unknown>[];
  stdout(): string;
  stderr(): string;
}

/** Collects what a `vitals` child prints, parsing its JSON log lines as they arrive. */
export function childOutput(child: ChildProcess): ChildOutput {
  const logs: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout?.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr?.on('data', (data: Buffer) => {
    const text = data.toString();
    stderr += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
    }
  });
  return { logs, stdout: () => stdout, stderr: () => stderr };
}
