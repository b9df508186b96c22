/** Counts requests over the last `intervalMs`, the way HubSpot's rolling limits do. */
export class RollingWindow {
  readonly max: number;
  readonly intervalMs: number;
  private readonly times: number[] = [];

  constructor(max: number, intervalMs: number) {
    this.max = max;
    this.intervalMs = intervalMs;
  }

  private prune(now: number): void {
    while (this.times.length > 0 && (this.times[0] as number) <= now - this.intervalMs) {
      this.times.shift();
    }
  }

  isFull(now: number): boolean {
    this.prune(now);
    return this.times.length >= this.max;
  }

  take(now: number): void {
    this.times.push(now);
  }

  remaining(now: number): number {
    this.prune(now);
    return Math.max(0, this.max - this.times.length);
  }
}
