import { HttpFailure } from './http-failure.ts';

/** The parts of the api-client's ResponseContext the middleware reads. */
interface SdkResponse {
  httpStatusCode: number;
  headers: Record<string, string>;
  body: { text(): Promise<string> };
}

type Observe = (headers: Readonly<Record<string, string>>) => void;

/**
 * api-client middleware that sees every raw answer before the client parses it. It reports the
 * rate-limit headers, and throws non-2xx answers as HttpFailure with the raw body: the client's
 * own ApiException parses error bodies into its `Error` model, which drops the 429 body's
 * `policyName`, and loses the status altogether when an answer has no Content-Type.
 */
export function sdkMiddleware(observe: Observe) {
  return {
    pre: (context: unknown) => context,
    async post(context: unknown): Promise<unknown> {
      const response = context as SdkResponse;
      observe(response.headers);
      if (response.httpStatusCode < 200 || response.httpStatusCode >= 300) {
        throw new HttpFailure(response.httpStatusCode, response.headers, await readText(response));
      }
      return response;
    },
  };
}

async function readText(response: SdkResponse): Promise<string> {
  try {
    return await response.body.text();
  } catch {
    return '';
  }
}
