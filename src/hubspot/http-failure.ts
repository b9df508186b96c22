/** A non-2xx HTTP answer, raw; the caller turns it into a HubSpotError naming the endpoint. */
export class HttpFailure extends Error {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;

  constructor(status: number, headers: Readonly<Record<string, string>>, body: string) {
    super(`HTTP ${status}`);
    this.name = 'HttpFailure';
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}
