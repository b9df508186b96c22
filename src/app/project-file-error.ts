/** What one project file holds after a change, and the changes in words. */
export interface FilePlan {
  file: string;
  before: string | null;
  after: string;
  changes: string[];
}

/** A project file the command cannot edit safely; the message says which and what to do. */
export class ProjectFileError extends Error {
  override readonly name = 'ProjectFileError';
}
