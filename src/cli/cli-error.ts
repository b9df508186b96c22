/** Exit statuses of every command. */
export const EXIT = {
  ok: 0,
  /** Some accounts were rejected; the valid ones were still scored. */
  rejected: 1,
  /** Nothing could be scored: the input file or the model cannot be used. */
  unusable: 2,
} as const;

/** An error the user can fix; the message says what is wrong and how to fix it. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.unusable) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
