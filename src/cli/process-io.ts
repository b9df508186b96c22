/** Where a command writes; `color` says whether stdout may carry ANSI colours. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  /** Whether stderr is a terminal: a progress bar there, JSON log lines otherwise. */
  errIsTTY: boolean;
}

export function processIo(): Io {
  // A reader that stops early (`vitals score … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true,
    errIsTTY: process.stderr.isTTY === true,
  };
}
