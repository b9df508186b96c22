import type { Call } from './create-caller.ts';
import type { RequestJson } from './request-json.ts';
import type { SdkApis } from './sdk-apis.ts';

/** What each endpoint function needs: the SDK modules, the call wrapper, raw JSON requests. */
export interface GatewayContext {
  sdk: SdkApis;
  call: Call;
  request: RequestJson;
}
